package de.ikz.ledger.api.agreement;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A provider took over a service for the consumers. {@code providerPartyId} is the party the
 * provider acts for: the provider itself, or the body an operating unit belongs to.
 */
@Revision("1")
public record ServiceDelegated(
        String agreementId,
        String delegationId,
        String serviceCode,
        String serviceName,
        String leikaKey,
        String providerId,
        String providerPartyId,
        List<String> consumerIds)
        implements DelegationEvent {
    public ServiceDelegated {
        consumerIds = List.copyOf(consumerIds);
    }
}
