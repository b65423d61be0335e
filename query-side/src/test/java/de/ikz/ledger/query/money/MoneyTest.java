package de.ikz.ledger.query.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountsAreWrittenWithExactlyTwoFractionDigits() {
        assertThat(Money.format(new BigDecimal("15000"))).isEqualTo("15000.00");
        assertThat(Money.format(new BigDecimal("15000.5"))).isEqualTo("15000.50");
        assertThat(Money.format(new BigDecimal("0.10"))).isEqualTo("0.10");
        assertThat(Money.format(new BigDecimal("-8500.000"))).isEqualTo("-8500.00");
        assertThat(Money.format(new BigDecimal("1E+3"))).isEqualTo("1000.00");
        assertThat(Money.format(new BigDecimal("1000000000.00"))).isEqualTo("1000000000.00");
    }

    @Test
    void moreSignificantFractionDigitsAreKeptNotRounded() {
        assertThat(Money.format(new BigDecimal("0.125"))).isEqualTo("0.125");
    }

    @Test
    void anAmountReadsBackAsWritten() {
        BigDecimal amount = new BigDecimal("12500.00");

        assertThat(Money.parse(Money.format(amount))).isEqualTo(amount);
    }
}
