package de.ikz.ledger.command.agreement;

import de.ikz.ledger.api.agreement.DelegationStatus;
import java.time.LocalDate;
import java.util.List;

/**
 * A delegation inside the agreement: who provides to whom, and where it stands. {@code
 * lastChangeOn} is the business date of the latest status change; later changes may not predate it.
 */
record Delegation(
        String delegationId,
        String providerId,
        String providerPartyId,
        List<String> consumerIds,
        DelegationStatus status,
        LocalDate startsOn,
        LocalDate endsOn,
        LocalDate lastChangeOn) {

    static Delegation planned(String id, String providerId, String providerPartyId, List<String> consumerIds) {
        return new Delegation(
                id, providerId, providerPartyId, List.copyOf(consumerIds), DelegationStatus.PLANNED, null, null, null);
    }

    Delegation started(LocalDate on) {
        return new Delegation(
                delegationId, providerId, providerPartyId, consumerIds, DelegationStatus.ACTIVE, on, null, on);
    }

    Delegation movedTo(DelegationStatus next, LocalDate on) {
        return new Delegation(
                delegationId,
                providerId,
                providerPartyId,
                consumerIds,
                next,
                startsOn,
                next == DelegationStatus.ENDED ? on : endsOn,
                on);
    }

    boolean involves(String partyId) {
        return providerPartyId.equals(partyId) || consumerIds.contains(partyId);
    }
}
