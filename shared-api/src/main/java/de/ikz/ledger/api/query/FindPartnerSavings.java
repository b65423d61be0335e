package de.ikz.ledger.api.query;

import java.time.Instant;

/**
 * What a partner saves per fiscal year and delegation. Answers {@code Optional<PartnerSavings>};
 * as a subscription query, updates are {@link PartnerSavings}.
 *
 * @param fiscalYear only this fiscal year, or {@code null} for every year
 * @param asOf answer as the views were recorded at this instant; {@code null} for now
 */
public record FindPartnerSavings(String partnerId, Integer fiscalYear, Instant asOf) {
    /** Now, as recorded. */
    public FindPartnerSavings(String partnerId, Integer fiscalYear) {
        this(partnerId, fiscalYear, null);
    }
}
