package de.ikz.ledger.api.query;

import java.util.List;

/** Registered partners, ordered by id. */
public record PartnerList(List<PartnerSummary> items) {
    public PartnerList {
        items = List.copyOf(items);
    }
}
