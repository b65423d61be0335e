package de.ikz.ledger.command.domain;

import java.math.BigDecimal;

/** Euro amounts: at most two fraction digits, {@code 0 < amount <= 1,000,000,000.00}. */
public final class Money {

    public static final BigDecimal MAX = new BigDecimal("1000000000.00");

    private Money() {}

    public static boolean isValidAmount(BigDecimal amount) {
        return amount != null
                && amount.signum() > 0
                && amount.compareTo(MAX) <= 0
                && amount.stripTrailingZeros().scale() <= 2;
    }

    /** The amount with exactly two fraction digits; only call on a valid amount. */
    public static BigDecimal normalized(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
