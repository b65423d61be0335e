package de.ikz.ledger.api.agreement;

/** Commands addressed to one cooperation agreement (and the delegations and entries inside it). */
public sealed interface AgreementCommand
        permits DraftAgreement,
                AdmitParty,
                SignAgreement,
                AmendAgreement,
                TerminateAgreement,
                DelegateService,
                StartDelegation,
                SuspendDelegation,
                ResumeDelegation,
                EndDelegation,
                RecordCostEntry,
                ReverseCostEntry {
    String agreementId();
}
