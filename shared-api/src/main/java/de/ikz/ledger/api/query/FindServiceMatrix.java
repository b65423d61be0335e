package de.ikz.ledger.api.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Who provides which service to whom, over all agreements. Answers {@link ServiceMatrix}.
 *
 * @param asOf answer as the views were recorded at this instant; {@code null} for now
 * @param on answer with the state on this business date; {@code null} for as recorded
 */
public record FindServiceMatrix(Instant asOf, LocalDate on) {
    /** Now, as recorded. */
    public FindServiceMatrix() {
        this(null, null);
    }
}
