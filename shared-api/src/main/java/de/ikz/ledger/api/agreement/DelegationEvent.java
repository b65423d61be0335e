package de.ikz.ledger.api.agreement;

/** Facts about one delegation inside an agreement. */
public sealed interface DelegationEvent extends AgreementEvent
        permits ServiceDelegated,
                DelegationStarted,
                DelegationSuspended,
                DelegationResumed,
                DelegationEnded,
                CostEntryRecorded,
                CostEntryReversed {
    String delegationId();
}
