package de.ikz.ledger.api.query;

/** Who provides which service to whom, over all agreements. Answers {@link ServiceMatrix}. */
public record FindServiceMatrix() {}
