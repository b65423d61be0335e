package de.ikz.ledger.query.support;

import de.ikz.ledger.api.agreement.CostEntryRecorded;
import de.ikz.ledger.api.agreement.CostEntryReversed;
import de.ikz.ledger.api.agreement.CostKind;
import de.ikz.ledger.api.agreement.ServiceDelegated;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Savings and services computed straight from a list of events, without the views' code: the
 * yardstick of the property tests.
 */
public final class IndependentLedger {

    private final Map<String, CostEntryRecorded> entries = new LinkedHashMap<>();
    private final Set<String> reversed = new HashSet<>();
    private final Map<String, ServiceDelegated> delegations = new LinkedHashMap<>();

    public IndependentLedger(List<StreamEvent> events) {
        for (StreamEvent event : events) {
            if (event.payload() instanceof CostEntryRecorded recorded) {
                entries.put(recorded.agreementId() + "/" + recorded.entryId(), recorded);
            } else if (event.payload() instanceof CostEntryReversed reversal) {
                reversed.add(reversal.agreementId() + "/" + reversal.entryId());
            } else if (event.payload() instanceof ServiceDelegated delegated) {
                delegations.put(delegated.agreementId() + "/" + delegated.delegationId(), delegated);
            }
        }
    }

    /** Partners with at least one entry not reversed in {@code fiscalYear} (or any year when {@code null}). */
    public Set<String> bookingPartners(Integer fiscalYear) {
        Set<String> partners = new TreeSet<>();
        counted(fiscalYear).forEach(entry -> partners.add(entry.partnerId()));
        return partners;
    }

    /** Baseline, actual and revenue of a partner in a year (every year when {@code null}). */
    public BigDecimal[] sums(String partnerId, Integer fiscalYear) {
        BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        counted(fiscalYear).stream()
                .filter(entry -> entry.partnerId().equals(partnerId))
                .forEach(entry ->
                        sums[entry.kind().ordinal()] = sums[entry.kind().ordinal()].add(entry.amount()));
        return sums;
    }

    public BigDecimal savings(String partnerId, Integer fiscalYear) {
        BigDecimal[] sums = sums(partnerId, fiscalYear);
        return savings(sums);
    }

    /** Savings per year of a partner, for years with entries not reversed. */
    public Map<Integer, BigDecimal> savingsPerYear(String partnerId) {
        Map<Integer, BigDecimal> years = new TreeMap<>();
        counted(null).stream()
                .filter(entry -> entry.partnerId().equals(partnerId))
                .forEach(entry -> years.put(entry.fiscalYear(), savings(partnerId, entry.fiscalYear())));
        return years;
    }

    /** Savings of a partner per {@code agreementId/delegationId} in a year. */
    public Map<String, BigDecimal> savingsPerDelegation(String partnerId, int fiscalYear) {
        Map<String, BigDecimal> savings = new TreeMap<>();
        counted(fiscalYear).stream()
                .filter(entry -> entry.partnerId().equals(partnerId))
                .forEach(entry -> savings.merge(
                        entry.agreementId() + "/" + entry.delegationId(), signed(entry), BigDecimal::add));
        return savings;
    }

    /** {@code PROVIDER} or {@code CONSUMER}: the partner's side of a delegation. */
    public String role(String partnerId, String agreementId, String delegationId) {
        ServiceDelegated delegation = delegations.get(agreementId + "/" + delegationId);
        return delegation.providerPartyId().equals(partnerId)
                        || delegation.providerId().equals(partnerId)
                ? "PROVIDER"
                : "CONSUMER";
    }

    /** {@code agreementId/delegationId} of what a partner provides, itself or through its units. */
    public Set<String> provided(String partnerId) {
        Set<String> provided = new TreeSet<>();
        delegations.forEach((key, d) -> {
            if (d.providerId().equals(partnerId) || d.providerPartyId().equals(partnerId)) {
                provided.add(key);
            }
        });
        return provided;
    }

    /** {@code agreementId/delegationId} of what a partner receives. */
    public Set<String> received(String partnerId) {
        Set<String> received = new TreeSet<>();
        delegations.forEach((key, d) -> {
            if (d.consumerIds().contains(partnerId)) {
                received.add(key);
            }
        });
        return received;
    }

    private List<CostEntryRecorded> counted(Integer fiscalYear) {
        return entries.entrySet().stream()
                .filter(e -> !reversed.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .filter(entry -> fiscalYear == null || entry.fiscalYear() == fiscalYear)
                .toList();
    }

    private static BigDecimal signed(CostEntryRecorded entry) {
        return entry.kind() == CostKind.ACTUAL ? entry.amount().negate() : entry.amount();
    }

    private static BigDecimal savings(BigDecimal[] sums) {
        return sums[0].subtract(sums[1]).add(sums[2]);
    }
}
