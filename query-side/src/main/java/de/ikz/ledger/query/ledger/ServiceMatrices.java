package de.ikz.ledger.query.ledger;

import de.ikz.ledger.api.query.ServiceMatrix;
import de.ikz.ledger.query.agreement.AgreementView;
import de.ikz.ledger.query.agreement.AgreementView.Delegation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Who provides which service to whom, from the agreement views. */
public final class ServiceMatrices {

    private ServiceMatrices() {}

    /** One row per provider and consumer, ordered by provider, then consumer. */
    public static ServiceMatrix of(List<AgreementView> agreements) {
        Map<List<String>, List<ServiceMatrix.Service>> rows = new TreeMap<>(
                Comparator.<List<String>, String>comparing(key -> key.get(0)).thenComparing(key -> key.get(1)));
        List<AgreementView> ordered = new ArrayList<>(agreements);
        ordered.sort(Comparator.comparing(AgreementView::id));
        for (AgreementView agreement : ordered) {
            for (Delegation delegation : agreement.delegations()) {
                for (String consumerId : delegation.consumerIds()) {
                    rows.computeIfAbsent(List.of(delegation.providerId(), consumerId), k -> new ArrayList<>())
                            .add(new ServiceMatrix.Service(
                                    delegation.serviceCode(),
                                    delegation.serviceName(),
                                    delegation.status(),
                                    agreement.id(),
                                    delegation.delegationId()));
                }
            }
        }
        return new ServiceMatrix(rows.entrySet().stream()
                .map(row ->
                        new ServiceMatrix.Row(row.getKey().get(0), row.getKey().get(1), row.getValue()))
                .toList());
    }
}
