package de.ikz.ledger.api.query;

/**
 * Sums of cost entries in euro, each a string with exactly two fraction digits; {@code savings}
 * is {@code baseline - actual + revenue}.
 */
public record Amounts(String baseline, String actual, String revenue, String savings) {}
