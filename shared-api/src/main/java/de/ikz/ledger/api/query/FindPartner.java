package de.ikz.ledger.api.query;

import java.time.Instant;

/**
 * One partner as registered. Answers {@code Optional<PartnerSummary>}.
 *
 * @param asOf answer as the views were recorded at this instant; {@code null} for now
 */
public record FindPartner(String partnerId, Instant asOf) {
    /** Now, as recorded. */
    public FindPartner(String partnerId) {
        this(partnerId, null);
    }
}
