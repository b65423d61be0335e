package de.ikz.ledger.api.query;

import de.ikz.ledger.api.agreement.DelegationStatus;
import java.util.List;

/** For each provider and consumer, the services the one delivers to the other; rows ordered by provider, consumer. */
public record ServiceMatrix(List<Row> rows) {
    public ServiceMatrix {
        rows = List.copyOf(rows);
    }

    /** The services one provider (a party or an operating unit) delivers to one consumer. */
    public record Row(String providerId, String consumerId, List<Service> services) {
        public Row {
            services = List.copyOf(services);
        }
    }

    /** One delegated service and where it is agreed. */
    public record Service(
            String serviceCode, String serviceName, DelegationStatus status, String agreementId, String delegationId) {}
}
