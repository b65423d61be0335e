package de.ikz.ledger.api.query;

import de.ikz.ledger.api.agreement.DelegationStatus;
import java.time.LocalDate;
import java.util.List;

/** One delegated service as a provider or a consumer sees it. */
public record ServiceItem(
        String agreementId,
        String delegationId,
        String serviceCode,
        String serviceName,
        String leikaKey,
        String providerId,
        List<String> consumerIds,
        DelegationStatus status,
        LocalDate startsOn,
        LocalDate endsOn) {
    public ServiceItem {
        consumerIds = List.copyOf(consumerIds);
    }
}
