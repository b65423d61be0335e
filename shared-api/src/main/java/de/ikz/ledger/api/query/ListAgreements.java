package de.ikz.ledger.api.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Every agreement, ordered by id. Answers {@link AgreementList}.
 *
 * @param asOf answer as the views were recorded at this instant; {@code null} for now
 * @param on answer with the state on this business date; {@code null} for as recorded
 */
public record ListAgreements(Instant asOf, LocalDate on) {
    /** Now, as recorded. */
    public ListAgreements() {
        this(null, null);
    }
}
