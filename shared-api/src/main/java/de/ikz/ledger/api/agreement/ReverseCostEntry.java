package de.ikz.ledger.api.agreement;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reverses a wrong cost entry; entries are never edited. */
public record ReverseCostEntry(@TargetAggregateIdentifier String agreementId, String entryId, String reason)
        implements AgreementCommand {}
