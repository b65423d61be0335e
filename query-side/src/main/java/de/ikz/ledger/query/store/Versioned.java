package de.ikz.ledger.query.store;

/** A stored view and the sequence number of the last event applied to it. */
public record Versioned<V>(V view, long sequence) {}
