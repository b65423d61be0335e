package de.ikz.ledger.api.agreement;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A provider takes over a service for one or more consumers; it starts at once if {@code startsOn} is given. */
public record DelegateService(
        @TargetAggregateIdentifier String agreementId,
        String delegationId,
        String serviceCode,
        String serviceName,
        String leikaKey,
        String providerId,
        List<String> consumerIds,
        LocalDate startsOn)
        implements AgreementCommand {
    public DelegateService {
        consumerIds = List.copyOf(consumerIds);
    }
}
