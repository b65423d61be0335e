package de.ikz.ledger.query.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Euro amounts in the views: {@link BigDecimal} only, stored and answered as strings with exactly
 * two fraction digits ({@code "15000.00"}).
 */
public final class Money {

    public static final String CURRENCY = "EUR";
    public static final BigDecimal ZERO = new BigDecimal("0.00");

    private Money() {}

    /**
     * The canonical text of an amount: two fraction digits. An amount with more significant
     * fraction digits (which the command side never records) keeps them, so nothing is rounded away.
     */
    public static String format(BigDecimal amount) {
        return normalize(amount).toPlainString();
    }

    /** The same amount with two fraction digits (or exactly as many significant ones as it has, if more). */
    public static BigDecimal normalize(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() <= 2 ? amount.setScale(2, RoundingMode.UNNECESSARY) : stripped;
    }

    /** Reads an amount written by {@link #format(BigDecimal)}. */
    public static BigDecimal parse(String text) {
        return new BigDecimal(text);
    }
}
