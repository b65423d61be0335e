package de.ikz.ledger.query.processing;

import java.util.List;

/** The processing groups of the query side; each has a pooled streaming processor of the same name. */
public final class ViewProcessors {

    /** Partners, from the partner streams. */
    public static final String PARTNERS = "partners";

    /** Agreements and each partner's ledger, from the agreement streams. */
    public static final String AGREEMENTS = "agreements";

    public static final List<String> ALL = List.of(PARTNERS, AGREEMENTS);

    private ViewProcessors() {}
}
