package de.ikz.ledger.api.query;

import java.time.Instant;

/**
 * Every registered partner, ordered by id. Answers {@link PartnerList}.
 *
 * @param asOf answer as the views were recorded at this instant; {@code null} for now
 */
public record ListPartners(Instant asOf) {
    /** Now, as recorded. */
    public ListPartners() {
        this(null);
    }
}
