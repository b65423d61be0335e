package de.ikz.ledger.command.agreement;

import static de.ikz.ledger.api.agreement.DelegationStatus.ACTIVE;
import static de.ikz.ledger.api.agreement.DelegationStatus.ENDED;
import static de.ikz.ledger.api.agreement.DelegationStatus.PLANNED;
import static de.ikz.ledger.api.agreement.DelegationStatus.SUSPENDED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.api.agreement.AdmitParty;
import de.ikz.ledger.api.agreement.AgreementAmended;
import de.ikz.ledger.api.agreement.AgreementConcluded;
import de.ikz.ledger.api.agreement.AgreementDrafted;
import de.ikz.ledger.api.agreement.AgreementSigned;
import de.ikz.ledger.api.agreement.AgreementStatus;
import de.ikz.ledger.api.agreement.AgreementTerminated;
import de.ikz.ledger.api.agreement.AmendAgreement;
import de.ikz.ledger.api.agreement.CostEntryRecorded;
import de.ikz.ledger.api.agreement.CostEntryReversed;
import de.ikz.ledger.api.agreement.DelegateService;
import de.ikz.ledger.api.agreement.DelegationEnded;
import de.ikz.ledger.api.agreement.DelegationResumed;
import de.ikz.ledger.api.agreement.DelegationStarted;
import de.ikz.ledger.api.agreement.DelegationSuspended;
import de.ikz.ledger.api.agreement.DraftAgreement;
import de.ikz.ledger.api.agreement.EndDelegation;
import de.ikz.ledger.api.agreement.PartyAdmitted;
import de.ikz.ledger.api.agreement.RecordCostEntry;
import de.ikz.ledger.api.agreement.ResumeDelegation;
import de.ikz.ledger.api.agreement.ReverseCostEntry;
import de.ikz.ledger.api.agreement.ServiceDelegated;
import de.ikz.ledger.api.agreement.SignAgreement;
import de.ikz.ledger.api.agreement.StartDelegation;
import de.ikz.ledger.api.agreement.SuspendDelegation;
import de.ikz.ledger.api.agreement.TerminateAgreement;
import de.ikz.ledger.command.agreement.AgreementRules.ActorIsParty;
import de.ikz.ledger.command.agreement.AgreementRules.AmountIsValid;
import de.ikz.ledger.command.agreement.AgreementRules.AtLeastTwoDistinctParties;
import de.ikz.ledger.command.agreement.AgreementRules.ConsumerIsParty;
import de.ikz.ledger.command.agreement.AgreementRules.DelegationHasStarted;
import de.ikz.ledger.command.agreement.AgreementRules.DelegationIdIsNew;
import de.ikz.ledger.command.agreement.AgreementRules.DelegationIs;
import de.ikz.ledger.command.agreement.AgreementRules.EntryIdIsNew;
import de.ikz.ledger.command.agreement.AgreementRules.EntryPartyIsInvolved;
import de.ikz.ledger.command.agreement.AgreementRules.FiscalYearWithinDelegation;
import de.ikz.ledger.command.agreement.AgreementRules.HasAConsumer;
import de.ikz.ledger.command.agreement.AgreementRules.InForce;
import de.ikz.ledger.command.agreement.AgreementRules.InvolvedPartiesHaveSigned;
import de.ikz.ledger.command.agreement.AgreementRules.NoConsumerListedTwice;
import de.ikz.ledger.command.agreement.AgreementRules.NoPartyListedTwice;
import de.ikz.ledger.command.agreement.AgreementRules.NotBeforeLastChange;
import de.ikz.ledger.command.agreement.AgreementRules.NotReversedYet;
import de.ikz.ledger.command.agreement.AgreementRules.NotTerminated;
import de.ikz.ledger.command.agreement.AgreementRules.NotTerminatedYet;
import de.ikz.ledger.command.agreement.AgreementRules.NotYetAParty;
import de.ikz.ledger.command.agreement.AgreementRules.PartnerHasLegalPersonality;
import de.ikz.ledger.command.agreement.AgreementRules.PartySignsOnce;
import de.ikz.ledger.command.agreement.AgreementRules.ProviderActsForAParty;
import de.ikz.ledger.command.agreement.AgreementRules.ProviderNotAmongConsumers;
import de.ikz.ledger.command.agreement.AgreementRules.SignatureNotInFuture;
import de.ikz.ledger.command.agreement.AgreementRules.SignerIsParty;
import de.ikz.ledger.command.agreement.AgreementRules.SomethingToAmend;
import de.ikz.ledger.command.agreement.AgreementRules.TerminationNotBeforeRunningDelegations;
import de.ikz.ledger.command.agreement.AgreementRules.TerminationNotBeforeValidity;
import de.ikz.ledger.command.agreement.AgreementRules.ValidityIsOrdered;
import de.ikz.ledger.command.domain.Money;
import de.ikz.ledger.command.domain.PartnerDirectory;
import de.ikz.ledger.command.domain.PartnerDirectory.PartnerRef;
import de.ikz.ledger.command.domain.RuleViolated;
import de.ikz.ledger.command.domain.VersionMatches;
import de.ikz.ledger.command.infra.AggregateVersions;
import de.ikz.ledger.command.infra.CommandSideAxonConfiguration;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A cooperation agreement with its delegations and their cost ledger. Decides in command
 * handlers; its state changes only in event sourcing handlers.
 */
@Aggregate(snapshotTriggerDefinition = "agreementSnapshotTrigger", cache = CommandSideAxonConfiguration.AGGREGATE_CACHE)
public class CooperationAgreement {

    /** Metadata naming the partner a {@code PARTNER} account acts for; absent for other roles. */
    static final String ACTING_FOR = "actorPartnerId";

    @AggregateIdentifier
    private String agreementId;

    private AgreementStatus status;
    private LocalDate validFrom;
    private final Map<String, Party> parties = new LinkedHashMap<>();
    private final Map<String, Delegation> delegations = new LinkedHashMap<>();
    private final Map<String, CostEntry> entries = new HashMap<>();

    protected CooperationAgreement() {
        // for Axon
    }

    @CommandHandler
    public CooperationAgreement(
            DraftAgreement command, PartnerDirectory directory, @MetaDataValue(ACTING_FOR) String actingFor) {
        new AtLeastTwoDistinctParties(command.partyIds()).verify();
        new NoPartyListedTwice(command.partyIds()).verify();
        new ActorIsParty(actingFor, command.partyIds()).verify();
        for (String partyId : command.partyIds()) {
            new PartnerHasLegalPersonality(directory.require(partyId)).verify();
        }
        new ValidityIsOrdered(command.validFrom(), command.validUntil()).verify();
        apply(new AgreementDrafted(
                command.agreementId(),
                command.title(),
                command.subject(),
                command.partyIds(),
                command.validFrom(),
                command.validUntil()));
    }

    /**
     * A command that names the version it expects ({@code If-Match}) applies only to that version;
     * every command answers with the version it leaves the aggregate at ({@code ETag}).
     */
    @CommandHandlerInterceptor
    Object expectedVersion(@MetaDataValue(VersionMatches.EXPECTED_VERSION) Long expected, InterceptorChain chain)
            throws Exception {
        new VersionMatches(expected, AggregateLifecycle.getVersion()).verify();
        return AggregateVersions.answer(chain.proceed(), AggregateLifecycle.getVersion());
    }

    @CommandHandler
    void handle(AdmitParty command, PartnerDirectory directory, @MetaDataValue(ACTING_FOR) String actingFor) {
        new ActorIsParty(actingFor, parties.keySet()).verify();
        new NotTerminated(status).verify();
        new PartnerHasLegalPersonality(directory.require(command.partnerId())).verify();
        new NotYetAParty(command.partnerId(), parties).verify();
        apply(new PartyAdmitted(agreementId, command.partnerId()));
    }

    /** Answers the status after signing: {@code IN_FORCE} once the last party has signed. */
    @CommandHandler
    AgreementStatus handle(SignAgreement command, Clock clock, @MetaDataValue(ACTING_FOR) String actingFor) {
        new ActorIsParty(actingFor, parties.keySet()).verify();
        new NotTerminated(status).verify();
        new SignerIsParty(command.partnerId(), parties).verify();
        new PartySignsOnce(parties.get(command.partnerId())).verify();
        new SignatureNotInFuture(command.signedOn(), LocalDate.now(clock)).verify();
        apply(new AgreementSigned(
                agreementId,
                command.partnerId(),
                command.signatoryName(),
                command.signatoryRole(),
                command.signedOn()));
        if (status == AgreementStatus.DRAFT && parties.values().stream().allMatch(Party::hasSigned)) {
            LocalDate lastSignature = parties.values().stream()
                    .map(Party::signedOn)
                    .max(LocalDate::compareTo)
                    .orElseThrow();
            apply(new AgreementConcluded(agreementId, lastSignature));
        }
        return status;
    }

    @CommandHandler
    void handle(AmendAgreement command, @MetaDataValue(ACTING_FOR) String actingFor) {
        new ActorIsParty(actingFor, parties.keySet()).verify();
        new NotTerminated(status).verify();
        new SomethingToAmend(command.title(), command.subject(), command.validUntil()).verify();
        new ValidityIsOrdered(validFrom, command.validUntil()).verify();
        apply(new AgreementAmended(
                agreementId, command.title(), command.subject(), command.validUntil(), command.reason()));
    }

    @CommandHandler
    void handle(TerminateAgreement command, @MetaDataValue(ACTING_FOR) String actingFor) {
        new ActorIsParty(actingFor, parties.keySet()).verify();
        new NotTerminatedYet(status).verify();
        new TerminationNotBeforeValidity(command.effectiveOn(), validFrom).verify();
        new TerminationNotBeforeRunningDelegations(command.effectiveOn(), delegations.values()).verify();
        List<Delegation> running = delegations.values().stream()
                .filter(d -> d.status().isRunning())
                .toList();
        apply(new AgreementTerminated(agreementId, command.effectiveOn(), command.reason()));
        for (Delegation delegation : running) {
            apply(new DelegationEnded(
                    agreementId,
                    delegation.delegationId(),
                    command.effectiveOn(),
                    "Agreement terminated: " + command.reason()));
        }
    }

    @CommandHandler
    void handle(DelegateService command, PartnerDirectory directory, @MetaDataValue(ACTING_FOR) String actingFor) {
        new ActorIsParty(actingFor, parties.keySet()).verify();
        new NotTerminated(status).verify();
        new DelegationIdIsNew(command.delegationId(), delegations).verify();
        PartnerRef provider = directory.require(command.providerId());
        command.consumerIds().forEach(directory::require);
        new ProviderActsForAParty(provider, parties).verify();
        new HasAConsumer(command.consumerIds()).verify();
        new NoConsumerListedTwice(command.consumerIds()).verify();
        command.consumerIds().forEach(id -> new ConsumerIsParty(id, parties).verify());
        new ProviderNotAmongConsumers(provider, command.consumerIds()).verify();
        Set<String> involved = new LinkedHashSet<>(command.consumerIds());
        involved.add(provider.partyId());
        new InvolvedPartiesHaveSigned(status, parties, involved).verify();
        apply(new ServiceDelegated(
                agreementId,
                command.delegationId(),
                command.serviceCode(),
                command.serviceName(),
                command.leikaKey(),
                provider.id(),
                provider.partyId(),
                command.consumerIds()));
        if (command.startsOn() != null) {
            apply(new DelegationStarted(agreementId, command.delegationId(), command.startsOn()));
        }
    }

    @CommandHandler
    void handle(StartDelegation command, @MetaDataValue(ACTING_FOR) String actingFor) {
        new ActorIsParty(actingFor, parties.keySet()).verify();
        new NotTerminated(status).verify();
        Delegation delegation = delegation(command.delegationId());
        new DelegationIs(delegation, Set.of(PLANNED), ErrorCode.DELEGATION_ALREADY_STARTED).verify();
        apply(new DelegationStarted(agreementId, delegation.delegationId(), command.startsOn()));
    }

    @CommandHandler
    void handle(SuspendDelegation command, @MetaDataValue(ACTING_FOR) String actingFor) {
        Delegation delegation = changeableDelegation(command.delegationId(), actingFor);
        new DelegationIs(delegation, Set.of(ACTIVE), ErrorCode.DELEGATION_NOT_ACTIVE).verify();
        new NotBeforeLastChange(delegation, command.on()).verify();
        apply(new DelegationSuspended(agreementId, delegation.delegationId(), command.on(), command.reason()));
    }

    @CommandHandler
    void handle(ResumeDelegation command, @MetaDataValue(ACTING_FOR) String actingFor) {
        Delegation delegation = changeableDelegation(command.delegationId(), actingFor);
        new DelegationIs(delegation, Set.of(SUSPENDED), ErrorCode.DELEGATION_NOT_SUSPENDED).verify();
        new NotBeforeLastChange(delegation, command.on()).verify();
        apply(new DelegationResumed(agreementId, delegation.delegationId(), command.on(), command.reason()));
    }

    @CommandHandler
    void handle(EndDelegation command, @MetaDataValue(ACTING_FOR) String actingFor) {
        Delegation delegation = changeableDelegation(command.delegationId(), actingFor);
        new DelegationIs(delegation, Set.of(ACTIVE, SUSPENDED), ErrorCode.DELEGATION_NOT_RUNNING).verify();
        new NotBeforeLastChange(delegation, command.on()).verify();
        apply(new DelegationEnded(agreementId, delegation.delegationId(), command.on(), command.reason()));
    }

    @CommandHandler
    void handle(RecordCostEntry command, @MetaDataValue(ACTING_FOR) String actingFor) {
        new ActorIsParty(actingFor, parties.keySet()).verify();
        new NotTerminated(status).verify();
        new InForce(status).verify();
        Delegation delegation = delegation(command.delegationId());
        new EntryIdIsNew(command.entryId(), entries).verify();
        new DelegationHasStarted(delegation).verify();
        new EntryPartyIsInvolved(command.partnerId(), delegation).verify();
        new FiscalYearWithinDelegation(command.fiscalYear(), delegation).verify();
        new AmountIsValid(command.amount()).verify();
        apply(new CostEntryRecorded(
                agreementId,
                delegation.delegationId(),
                command.entryId(),
                command.partnerId(),
                command.fiscalYear(),
                command.kind(),
                Money.normalized(command.amount()),
                command.description()));
    }

    @CommandHandler
    void handle(ReverseCostEntry command, @MetaDataValue(ACTING_FOR) String actingFor) {
        new ActorIsParty(actingFor, parties.keySet()).verify();
        CostEntry entry = entries.get(command.entryId());
        if (entry == null) {
            throw new RuleViolated(
                    ErrorCode.COST_ENTRY_NOT_FOUND, "No cost entry '" + command.entryId() + "' in this agreement.");
        }
        new NotReversedYet(entry).verify();
        apply(new CostEntryReversed(
                agreementId,
                entry.delegationId(),
                entry.entryId(),
                entry.partnerId(),
                entry.fiscalYear(),
                entry.kind(),
                entry.amount(),
                command.reason()));
    }

    private Delegation delegation(String delegationId) {
        Delegation delegation = delegations.get(delegationId);
        if (delegation == null) {
            throw new RuleViolated(
                    ErrorCode.DELEGATION_NOT_FOUND, "No delegation '" + delegationId + "' in this agreement.");
        }
        return delegation;
    }

    private Delegation changeableDelegation(String delegationId, String actingFor) {
        new ActorIsParty(actingFor, parties.keySet()).verify();
        return delegation(delegationId);
    }

    // ---- state changes -----------------------------------------------------------------------

    @EventSourcingHandler
    void on(AgreementDrafted event) {
        agreementId = event.agreementId();
        status = AgreementStatus.DRAFT;
        validFrom = event.validFrom();
        event.partyIds().forEach(id -> parties.put(id, Party.unsigned(id)));
    }

    @EventSourcingHandler
    void on(PartyAdmitted event) {
        parties.put(event.partnerId(), Party.unsigned(event.partnerId()));
    }

    @EventSourcingHandler
    void on(AgreementSigned event) {
        parties.computeIfPresent(event.partnerId(), (id, party) -> party.signedOn(event.signedOn()));
    }

    @EventSourcingHandler
    void on(AgreementConcluded event) {
        status = AgreementStatus.IN_FORCE;
    }

    @EventSourcingHandler
    void on(AgreementTerminated event) {
        status = AgreementStatus.TERMINATED;
    }

    @EventSourcingHandler
    void on(ServiceDelegated event) {
        delegations.put(
                event.delegationId(),
                Delegation.planned(
                        event.delegationId(), event.providerId(), event.providerPartyId(), event.consumerIds()));
    }

    @EventSourcingHandler
    void on(DelegationStarted event) {
        delegations.computeIfPresent(event.delegationId(), (id, d) -> d.started(event.startsOn()));
    }

    @EventSourcingHandler
    void on(DelegationSuspended event) {
        delegations.computeIfPresent(event.delegationId(), (id, d) -> d.movedTo(SUSPENDED, event.on()));
    }

    @EventSourcingHandler
    void on(DelegationResumed event) {
        delegations.computeIfPresent(event.delegationId(), (id, d) -> d.movedTo(ACTIVE, event.on()));
    }

    @EventSourcingHandler
    void on(DelegationEnded event) {
        delegations.computeIfPresent(event.delegationId(), (id, d) -> d.movedTo(ENDED, event.on()));
    }

    @EventSourcingHandler
    void on(CostEntryRecorded event) {
        entries.put(
                event.entryId(),
                new CostEntry(
                        event.entryId(),
                        event.delegationId(),
                        event.partnerId(),
                        event.fiscalYear(),
                        event.kind(),
                        event.amount(),
                        false));
    }

    @EventSourcingHandler
    void on(CostEntryReversed event) {
        entries.computeIfPresent(event.entryId(), (id, entry) -> entry.reversedEntry());
    }
}
