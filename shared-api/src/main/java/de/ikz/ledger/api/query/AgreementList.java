package de.ikz.ledger.api.query;

import java.util.List;

/** Agreements, ordered by id. */
public record AgreementList(List<AgreementSummary> items) {
    public AgreementList {
        items = List.copyOf(items);
    }
}
