package de.ikz.ledger.api.agreement;

/** Facts about one cooperation agreement, its delegations and its cost ledger. */
public sealed interface AgreementEvent
        permits AgreementDrafted,
                PartyAdmitted,
                AgreementSigned,
                AgreementConcluded,
                AgreementAmended,
                AgreementTerminated,
                DelegationEvent {
    String agreementId();
}
