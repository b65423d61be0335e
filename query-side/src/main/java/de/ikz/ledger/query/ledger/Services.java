package de.ikz.ledger.query.ledger;

import de.ikz.ledger.api.query.PartnerServices;
import de.ikz.ledger.api.query.ServiceItem;
import java.util.List;

/** The services of one partner, from its ledger: ordered by agreement, then as delegated. */
public final class Services {

    private Services() {}

    public static PartnerServices ofPartner(String partnerId, List<PartnerContribution> contributions) {
        List<ServiceItem> provided =
                contributions.stream().flatMap(c -> c.provided().stream()).toList();
        List<ServiceItem> received =
                contributions.stream().flatMap(c -> c.received().stream()).toList();
        return new PartnerServices(partnerId, provided, received);
    }
}
