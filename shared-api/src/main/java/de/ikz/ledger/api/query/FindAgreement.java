package de.ikz.ledger.api.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One agreement with its parties, delegations and cost entries. Answers {@code Optional<AgreementDetails>}.
 *
 * @param asOf answer as the views were recorded at this instant; {@code null} for now
 * @param on answer with the state on this business date; {@code null} for as recorded
 */
public record FindAgreement(String agreementId, Instant asOf, LocalDate on) {
    /** Now, as recorded. */
    public FindAgreement(String agreementId) {
        this(agreementId, null, null);
    }
}
