package de.ikz.ledger.api.query;

import java.time.Instant;

/**
 * What every partner saves, and the total. Answers {@link SavingsTotals}.
 *
 * @param fiscalYear only this fiscal year, or {@code null} for every year
 * @param asOf answer as the views were recorded at this instant; {@code null} for now
 */
public record FindSavingsTotals(Integer fiscalYear, Instant asOf) {
    /** Now, as recorded. */
    public FindSavingsTotals(Integer fiscalYear) {
        this(fiscalYear, null);
    }
}
