package de.ikz.ledger.api.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The services a partner provides and receives across all agreements. Answers {@code
 * Optional<PartnerServices>}; as a subscription query, updates are {@link PartnerServices}.
 * @param asOf answer as the views were recorded at this instant; {@code null} for now
 * @param on answer with the state on this business date; {@code null} for as recorded
 */
public record FindPartnerServices(String partnerId, Instant asOf, LocalDate on) {
    /** Now, as recorded. */
    public FindPartnerServices(String partnerId) {
        this(partnerId, null, null);
    }
}
