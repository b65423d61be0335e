package de.ikz.ledger.query.ledger;

import de.ikz.ledger.api.query.Amounts;
import de.ikz.ledger.query.ledger.PartnerContribution.CostLine;
import de.ikz.ledger.query.money.Money;
import java.math.BigDecimal;

/** Baseline, actual and revenue added up in {@link BigDecimal}; savings follow from them. */
record Sum(BigDecimal baseline, BigDecimal actual, BigDecimal revenue) {

    static final Sum ZERO = new Sum(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    Sum plus(CostLine line) {
        return new Sum(baseline.add(line.baseline()), actual.add(line.actual()), revenue.add(line.revenue()));
    }

    Sum plus(Sum other) {
        return new Sum(baseline.add(other.baseline), actual.add(other.actual), revenue.add(other.revenue));
    }

    BigDecimal savings() {
        return baseline.subtract(actual).add(revenue);
    }

    Amounts amounts() {
        return new Amounts(
                Money.format(baseline), Money.format(actual), Money.format(revenue), Money.format(savings()));
    }
}
