package de.ikz.ledger.api.query;

/**
 * What every partner saves, and the total. Answers {@link SavingsTotals}.
 *
 * @param fiscalYear only this fiscal year, or {@code null} for every year
 */
public record FindSavingsTotals(Integer fiscalYear) {}
