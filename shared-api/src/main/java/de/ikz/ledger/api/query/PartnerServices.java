package de.ikz.ledger.api.query;

import java.util.List;

/**
 * The services a partner provides and receives. A party's {@code provided} includes what its
 * operating units provide.
 */
public record PartnerServices(String partnerId, List<ServiceItem> provided, List<ServiceItem> received) {
    public PartnerServices {
        provided = List.copyOf(provided);
        received = List.copyOf(received);
    }
}
