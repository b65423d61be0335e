package de.ikz.ledger.query.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Checks that answered amounts are well formed and that every total is the sum of its parts. */
public final class SavingsChecks {

    private static final Pattern AMOUNT = Pattern.compile("-?\\d+\\.\\d{2}");
    private static final String[] KINDS = {"baseline", "actual", "revenue", "savings"};

    private SavingsChecks() {}

    /** For {@code GET /api/partners/{id}/savings}: services add up to years, years to the total. */
    public static void assertPartnerSavingsAddUp(JsonNode savings) {
        assertThat(savings.get("currency").asText()).isEqualTo("EUR");
        BigDecimal[] total = zeros();
        for (JsonNode year : savings.get("years")) {
            assertConsistent(year);
            BigDecimal[] services = zeros();
            for (JsonNode service : year.get("services")) {
                assertConsistent(service);
                add(services, service);
            }
            assertEquals(year, services);
            add(total, year);
        }
        assertConsistent(savings.get("total"));
        assertEquals(savings.get("total"), total);
    }

    /** For {@code GET /api/savings}: partners add up to the total. */
    public static void assertTotalsAddUp(JsonNode totals) {
        assertThat(totals.get("currency").asText()).isEqualTo("EUR");
        BigDecimal[] sum = zeros();
        for (JsonNode partner : totals.get("partners")) {
            assertConsistent(partner);
            add(sum, partner);
        }
        assertConsistent(totals.get("total"));
        assertEquals(totals.get("total"), sum);
    }

    /** Amounts are strings with two fraction digits, and savings are baseline - actual + revenue. */
    public static void assertConsistent(JsonNode node) {
        for (String kind : KINDS) {
            JsonNode amount = node.get(kind);
            assertThat(amount.isTextual())
                    .as("%s is a string in %s", kind, node)
                    .isTrue();
            assertThat(amount.asText()).matches(AMOUNT);
        }
        assertThat(amount(node, "baseline").subtract(amount(node, "actual")).add(amount(node, "revenue")))
                .isEqualByComparingTo(amount(node, "savings"));
    }

    public static BigDecimal amount(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asText());
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }

    private static void add(BigDecimal[] sums, JsonNode node) {
        for (int i = 0; i < KINDS.length; i++) {
            sums[i] = sums[i].add(amount(node, KINDS[i]));
        }
    }

    private static void assertEquals(JsonNode node, BigDecimal[] sums) {
        for (int i = 0; i < KINDS.length; i++) {
            assertThat(amount(node, KINDS[i]))
                    .as("%s of %s is the sum of its parts", KINDS[i], node)
                    .isEqualByComparingTo(sums[i]);
        }
    }
}
