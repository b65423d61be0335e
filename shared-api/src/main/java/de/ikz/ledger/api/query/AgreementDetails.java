package de.ikz.ledger.api.query;

import de.ikz.ledger.api.agreement.AgreementStatus;
import de.ikz.ledger.api.agreement.CostKind;
import de.ikz.ledger.api.agreement.DelegationStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An agreement as recorded: status, validity, parties with their signature state, delegations
 * and every cost entry (reversed ones marked).
 *
 * @param draftedAt when the draft was recorded
 * @param lastChangedAt when the latest fact about the agreement was recorded
 */
public record AgreementDetails(
        String id,
        String title,
        String subject,
        AgreementStatus status,
        LocalDate validFrom,
        LocalDate validUntil,
        LocalDate concludedOn,
        LocalDate terminatedOn,
        String terminationReason,
        Instant draftedAt,
        Instant lastChangedAt,
        List<Party> parties,
        List<Delegation> delegations,
        List<CostEntry> costEntries) {
    public AgreementDetails {
        parties = List.copyOf(parties);
        delegations = List.copyOf(delegations);
        costEntries = List.copyOf(costEntries);
    }

    /** A party and whether, by whom and when it signed. */
    public record Party(
            String partnerId, boolean signed, String signatoryName, String signatoryRole, LocalDate signedOn) {}

    /**
     * A delegated service.
     *
     * @param providerPartyId the party the provider acts for (itself, or the body an operating unit belongs to)
     */
    public record Delegation(
            String delegationId,
            String serviceCode,
            String serviceName,
            String leikaKey,
            String providerId,
            String providerPartyId,
            List<String> consumerIds,
            DelegationStatus status,
            LocalDate startsOn,
            LocalDate endsOn) {
        public Delegation {
            consumerIds = List.copyOf(consumerIds);
        }
    }

    /**
     * A booking; {@code amount} is a string with exactly two fraction digits.
     */
    public record CostEntry(
            String entryId,
            String delegationId,
            String partnerId,
            int fiscalYear,
            CostKind kind,
            String amount,
            String description,
            boolean reversed,
            String reversalReason) {}
}
