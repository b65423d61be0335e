package de.ikz.ledger.api;

/**
 * Why a command was refused. Travels as the details of a {@code CommandExecutionException}, so
 * the stable code survives the trip through Axon Server.
 *
 * @param code the {@link ErrorCode} name
 * @param detail a human-readable explanation of this case
 */
public record Refusal(String code, String detail) {}
