package de.ikz.ledger.command.agreement;

import static de.ikz.ledger.command.ReferenceCase.AGREEMENT;
import static de.ikz.ledger.command.ReferenceCase.BEHOERDENNUMMER;
import static de.ikz.ledger.command.ReferenceCase.BEHOERDENNUMMER_SUSPENDED;
import static de.ikz.ledger.command.ReferenceCase.BRITZ_SIGNED_ON;
import static de.ikz.ledger.command.ReferenceCase.BUSINESS_ZONE;
import static de.ikz.ledger.command.ReferenceCase.DATENSICHERUNG;
import static de.ikz.ledger.command.ReferenceCase.DATENSPEICHER;
import static de.ikz.ledger.command.ReferenceCase.DATENSPEICHER_ENDED;
import static de.ikz.ledger.command.ReferenceCase.HOMBURG;
import static de.ikz.ledger.command.ReferenceCase.HOMBURG_IT;
import static de.ikz.ledger.command.ReferenceCase.IKS;
import static de.ikz.ledger.command.ReferenceCase.LINDEMANN_SIGNED_ON;
import static de.ikz.ledger.command.ReferenceCase.SAARBRUECKEN;
import static de.ikz.ledger.command.ReferenceCase.SAARPFALZ;
import static de.ikz.ledger.command.ReferenceCase.SUBJECT;
import static de.ikz.ledger.command.ReferenceCase.TITLE;
import static de.ikz.ledger.command.ReferenceCase.TODAY;
import static de.ikz.ledger.command.ReferenceCase.TSC;
import static de.ikz.ledger.command.ReferenceCase.UNREGISTERED;
import static de.ikz.ledger.command.ReferenceCase.VALID_FROM;
import static de.ikz.ledger.command.ReferenceCase.WOHNGELD;
import static de.ikz.ledger.command.ReferenceCase.WOHNGELD_ACTUAL_2014;
import static de.ikz.ledger.command.ReferenceCase.WOHNGELD_BASELINE_2014;
import static de.ikz.ledger.command.ReferenceCase.WOHNGELD_REVENUE_2014;
import static de.ikz.ledger.command.ReferenceCase.WOHNGELD_STARTED;
import static de.ikz.ledger.command.ReferenceCase.datensicherungDelegated;
import static de.ikz.ledger.command.ReferenceCase.drafted;
import static de.ikz.ledger.command.ReferenceCase.ended;
import static de.ikz.ledger.command.ReferenceCase.history;
import static de.ikz.ledger.command.ReferenceCase.homburgAdmitted;
import static de.ikz.ledger.command.ReferenceCase.inForce;
import static de.ikz.ledger.command.ReferenceCase.recorded;
import static de.ikz.ledger.command.ReferenceCase.resumed;
import static de.ikz.ledger.command.ReferenceCase.reversed;
import static de.ikz.ledger.command.ReferenceCase.runningCooperation;
import static de.ikz.ledger.command.ReferenceCase.signedByHomburg;
import static de.ikz.ledger.command.ReferenceCase.signedBySaarbruecken;
import static de.ikz.ledger.command.ReferenceCase.signedBySaarpfalz;
import static de.ikz.ledger.command.ReferenceCase.started;
import static de.ikz.ledger.command.ReferenceCase.terminated;
import static de.ikz.ledger.command.ReferenceCase.wohngeldActive;
import static de.ikz.ledger.command.ReferenceCase.wohngeldDelegated;
import static de.ikz.ledger.command.Refusals.violates;

import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.api.agreement.AdmitParty;
import de.ikz.ledger.api.agreement.AgreementAmended;
import de.ikz.ledger.api.agreement.AgreementConcluded;
import de.ikz.ledger.api.agreement.AgreementDrafted;
import de.ikz.ledger.api.agreement.AgreementSigned;
import de.ikz.ledger.api.agreement.AgreementStatus;
import de.ikz.ledger.api.agreement.AmendAgreement;
import de.ikz.ledger.api.agreement.CostEntryRecorded;
import de.ikz.ledger.api.agreement.CostEntryReversed;
import de.ikz.ledger.api.agreement.CostKind;
import de.ikz.ledger.api.agreement.DelegateService;
import de.ikz.ledger.api.agreement.DelegationEnded;
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
import de.ikz.ledger.command.ReferenceCase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CooperationAgreementTest {

    private static final String ACTING_FOR = "actorPartnerId";
    private static final LocalDate TERMINATION = LocalDate.of(2019, 12, 31);
    private static final String TERMINATION_REASON = "Aufgaben neu geordnet";

    private FixtureConfiguration<CooperationAgreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(ReferenceCase.CLOCK);
    }

    private static FixtureConfiguration<CooperationAgreement> fixtureWith(Clock clock) {
        FixtureConfiguration<CooperationAgreement> fixture = new AggregateTestFixture<>(CooperationAgreement.class);
        fixture.registerInjectableResource(ReferenceCase.directory());
        fixture.registerInjectableResource(clock);
        return fixture;
    }

    // ---- rule 1: parties -------------------------------------------------------------------------

    @Nested
    class Drafting {

        @Test
        void aDraftBetweenTwoRegisteredBodiesIsRecorded() {
            fixture.givenNoPriorActivity()
                    .when(draft(List.of(SAARBRUECKEN, SAARPFALZ), null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(drafted());
        }

        @Test
        void aDraftMayHaveMoreThanTwoParties() {
            fixture.givenNoPriorActivity()
                    .when(draft(List.of(SAARBRUECKEN, SAARPFALZ, HOMBURG), LocalDate.of(2018, 12, 31)))
                    .expectEvents(new AgreementDrafted(
                            AGREEMENT,
                            TITLE,
                            SUBJECT,
                            List.of(SAARBRUECKEN, SAARPFALZ, HOMBURG),
                            VALID_FROM,
                            LocalDate.of(2018, 12, 31)));
        }

        @Test
        void aDraftWithASinglePartyIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(draft(List.of(SAARBRUECKEN), null))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.AGREEMENT_NEEDS_TWO_PARTIES));
        }

        @Test
        void aDraftNamingOneBodyTwiceHasNoTwoDistinctParties() {
            fixture.givenNoPriorActivity()
                    .when(draft(List.of(SAARBRUECKEN, SAARBRUECKEN), null))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.AGREEMENT_NEEDS_TWO_PARTIES));
        }

        @Test
        void aPartyListedTwiceIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(draft(List.of(SAARBRUECKEN, SAARPFALZ, SAARBRUECKEN), null))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.PARTY_LISTED_TWICE));
        }

        @Test
        void anOperatingUnitAsPartyIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(draft(List.of(IKS, SAARPFALZ), null))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.OPERATING_UNIT_CANNOT_BE_PARTY));
        }

        @Test
        void anUnregisteredPartyIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(draft(List.of(SAARBRUECKEN, UNREGISTERED), null))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.UNKNOWN_PARTNER));
        }

        @Test
        void validityOfASingleDayIsAccepted() {
            fixture.givenNoPriorActivity()
                    .when(draft(List.of(SAARBRUECKEN, SAARPFALZ), VALID_FROM))
                    .expectEvents(new AgreementDrafted(
                            AGREEMENT, TITLE, SUBJECT, List.of(SAARBRUECKEN, SAARPFALZ), VALID_FROM, VALID_FROM));
        }

        @Test
        void validUntilBeforeValidFromIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(draft(List.of(SAARBRUECKEN, SAARPFALZ), VALID_FROM.minusDays(1)))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.VALID_UNTIL_BEFORE_VALID_FROM));
        }

        @Test
        void aPartnerAccountDraftsAnAgreementItsPartnerIsPartyTo() {
            fixture.givenNoPriorActivity()
                    .when(draft(List.of(SAARBRUECKEN, SAARPFALZ), null), Map.of(ACTING_FOR, SAARPFALZ))
                    .expectEvents(drafted());
        }

        @Test
        void aPartnerAccountCannotDraftAnAgreementBetweenOthers() {
            fixture.givenNoPriorActivity()
                    .when(draft(List.of(SAARBRUECKEN, SAARPFALZ), null), Map.of(ACTING_FOR, HOMBURG))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.ACTOR_NOT_A_PARTY));
        }

        /**
         * Rule 8: the event store refuses a second stream under the same id (the command API answers
         * {@code AGREEMENT_ALREADY_EXISTS}); nothing is overwritten.
         */
        @Test
        void draftingUnderAnIdThatExistsIsAConflictNotAnOverwrite() {
            fixture.given(drafted())
                    .when(draft(List.of(SAARBRUECKEN, HOMBURG), null))
                    .expectNoEvents()
                    .expectException(EventStoreException.class);
        }
    }

    @Nested
    class AdmittingAParty {

        @Test
        void aRegisteredBodyIsAdmittedToADraft() {
            fixture.given(drafted())
                    .when(new AdmitParty(AGREEMENT, HOMBURG))
                    .expectEvents(new PartyAdmitted(AGREEMENT, HOMBURG));
        }

        @Test
        void aRegisteredBodyIsAdmittedToAnAgreementInForce() {
            fixture.given(inForce())
                    .when(new AdmitParty(AGREEMENT, HOMBURG))
                    .expectEvents(new PartyAdmitted(AGREEMENT, HOMBURG));
        }

        @Test
        void admittingAPartyTwiceIsRefused() {
            fixture.given(inForce())
                    .when(new AdmitParty(AGREEMENT, SAARPFALZ))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.PARTY_ALREADY_ADMITTED));
        }

        @Test
        void admittingAnOperatingUnitIsRefused() {
            fixture.given(inForce())
                    .when(new AdmitParty(AGREEMENT, HOMBURG_IT))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.OPERATING_UNIT_CANNOT_BE_PARTY));
        }

        @Test
        void admittingAnUnregisteredPartnerIsRefused() {
            fixture.given(inForce())
                    .when(new AdmitParty(AGREEMENT, UNREGISTERED))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.UNKNOWN_PARTNER));
        }

        @Test
        void aTerminatedAgreementAdmitsNoParty() {
            fixture.given(history(inForce(), terminated(TERMINATION)))
                    .when(new AdmitParty(AGREEMENT, HOMBURG))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.AGREEMENT_TERMINATED));
        }
    }

    // ---- rule 2: signatures ----------------------------------------------------------------------

    @Nested
    class Signing {

        @Test
        void theFirstSignatureLeavesTheAgreementADraft() {
            fixture.given(drafted())
                    .when(signBySaarbruecken(BRITZ_SIGNED_ON))
                    .expectEvents(signedBySaarbruecken())
                    .expectResultMessagePayload(AgreementStatus.DRAFT);
        }

        @Test
        void theLastSignatureConcludesTheAgreement() {
            fixture.given(drafted(), signedBySaarbruecken())
                    .when(signBySaarpfalz(LINDEMANN_SIGNED_ON))
                    .expectEvents(signedBySaarpfalz(), new AgreementConcluded(AGREEMENT, LINDEMANN_SIGNED_ON))
                    .expectResultMessagePayload(AgreementStatus.IN_FORCE);
        }

        @Test
        void theAgreementIsConcludedOnTheLatestSignatureDateEvenIfTheLastSignatureIsDatedEarlier() {
            LocalDate earlier = BRITZ_SIGNED_ON.minusDays(3);
            fixture.given(drafted(), signedBySaarbruecken())
                    .when(signBySaarpfalz(earlier))
                    .expectEvents(
                            new AgreementSigned(AGREEMENT, SAARPFALZ, "Clemens Lindemann", "Landrat", earlier),
                            new AgreementConcluded(AGREEMENT, BRITZ_SIGNED_ON))
                    .expectResultMessagePayload(AgreementStatus.IN_FORCE);
        }

        @Test
        void aPartyAdmittedToADraftMustSignBeforeTheAgreementIsInForce() {
            fixture.given(drafted(), homburgAdmitted(), signedBySaarbruecken())
                    .when(signBySaarpfalz(LINDEMANN_SIGNED_ON))
                    .expectEvents(signedBySaarpfalz())
                    .expectResultMessagePayload(AgreementStatus.DRAFT);
        }

        @Test
        void theSignatureOfAnAdmittedPartyCanBeTheOneThatConcludesTheAgreement() {
            fixture.given(drafted(), homburgAdmitted(), signedBySaarbruecken(), signedBySaarpfalz())
                    .when(signByHomburg(TODAY))
                    .expectEvents(signedByHomburg(), new AgreementConcluded(AGREEMENT, TODAY))
                    .expectResultMessagePayload(AgreementStatus.IN_FORCE);
        }

        @Test
        void aPartyAdmittedToAnAgreementInForceSignsWithoutConcludingItAgain() {
            fixture.given(history(inForce(), homburgAdmitted()))
                    .when(signByHomburg(TODAY))
                    .expectEvents(signedByHomburg())
                    .expectResultMessagePayload(AgreementStatus.IN_FORCE);
        }

        @Test
        void signingTwiceBySamePartyIsRefused() {
            fixture.given(drafted(), signedBySaarbruecken())
                    .when(signBySaarbruecken(TODAY))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.AGREEMENT_ALREADY_SIGNED_BY_PARTY));
        }

        @Test
        void aBodyThatIsNoPartyCannotSign() {
            fixture.given(drafted())
                    .when(signByHomburg(TODAY))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.NOT_A_PARTY));
        }

        @Test
        void anOperatingUnitCannotSignForItsBody() {
            fixture.given(drafted())
                    .when(new SignAgreement(AGREEMENT, IKS, "Leitung IKS", "Werkleiter", TODAY))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.NOT_A_PARTY));
        }

        @Test
        void aSignatureDatedTodayIsAccepted() {
            fixture.given(drafted())
                    .when(signBySaarbruecken(TODAY))
                    .expectEvents(new AgreementSigned(
                            AGREEMENT, SAARBRUECKEN, "Charlotte Britz", "Oberbürgermeisterin", TODAY));
        }

        @Test
        void aSignatureDatedTomorrowIsRefused() {
            fixture.given(drafted())
                    .when(signBySaarbruecken(TODAY.plusDays(1)))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.SIGNATURE_DATE_IN_FUTURE));
        }

        @Test
        void todayIsTheBusinessDateInGermanyNotInUtc() {
            // 22:30 UTC on 22 May is already 00:30 on 23 May in Saarbrücken
            FixtureConfiguration<CooperationAgreement> afterMidnight =
                    fixtureWith(Clock.fixed(Instant.parse("2014-05-22T22:30:00Z"), BUSINESS_ZONE));
            afterMidnight
                    .given(drafted())
                    .when(signBySaarbruecken(TODAY.plusDays(1)))
                    .expectEvents(new AgreementSigned(
                            AGREEMENT, SAARBRUECKEN, "Charlotte Britz", "Oberbürgermeisterin", TODAY.plusDays(1)));
        }

        @Test
        void aTerminatedAgreementTakesNoSignature() {
            fixture.given(history(inForce(), homburgAdmitted(), terminated(TERMINATION)))
                    .when(signByHomburg(TODAY))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.AGREEMENT_TERMINATED));
        }

        @Test
        void aPartnerAccountSignsForItsOwnParty() {
            fixture.given(drafted(), signedBySaarbruecken())
                    .when(signBySaarpfalz(LINDEMANN_SIGNED_ON), Map.of(ACTING_FOR, SAARPFALZ))
                    .expectEvents(signedBySaarpfalz(), new AgreementConcluded(AGREEMENT, LINDEMANN_SIGNED_ON));
        }

        @Test
        void aPartnerAccountOfABodyThatIsNoPartyCannotSign() {
            fixture.given(drafted(), signedBySaarbruecken())
                    .when(signBySaarpfalz(LINDEMANN_SIGNED_ON), Map.of(ACTING_FOR, HOMBURG))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.ACTOR_NOT_A_PARTY));
        }
    }

    @Nested
    class Amending {

        @Test
        void aNewTitleIsRecorded() {
            fixture.given(inForce())
                    .when(new AmendAgreement(AGREEMENT, "IT-Kooperation", null, null, "Kurztitel"))
                    .expectEvents(new AgreementAmended(AGREEMENT, "IT-Kooperation", null, null, "Kurztitel"));
        }

        @Test
        void anEndOfValidityIsRecorded() {
            fixture.given(inForce())
                    .when(new AmendAgreement(AGREEMENT, null, null, TERMINATION, "Befristung"))
                    .expectEvents(new AgreementAmended(AGREEMENT, null, null, TERMINATION, "Befristung"));
        }

        @Test
        void anAmendmentThatChangesNothingIsRefused() {
            fixture.given(inForce())
                    .when(new AmendAgreement(AGREEMENT, null, null, null, "nichts"))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.INVALID_REQUEST));
        }

        @Test
        void anEndOfValidityBeforeValidFromIsRefused() {
            fixture.given(inForce())
                    .when(new AmendAgreement(AGREEMENT, null, null, VALID_FROM.minusDays(1), "Befristung"))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.VALID_UNTIL_BEFORE_VALID_FROM));
        }

        @Test
        void aTerminatedAgreementTakesNoAmendment() {
            fixture.given(history(inForce(), terminated(TERMINATION)))
                    .when(new AmendAgreement(AGREEMENT, "IT-Kooperation", null, null, "Kurztitel"))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.AGREEMENT_TERMINATED));
        }
    }

    // ---- rule 3: termination ---------------------------------------------------------------------

    @Nested
    class Terminating {

        @Test
        void anAgreementInForceIsTerminated() {
            fixture.given(inForce()).when(terminate(TERMINATION)).expectEvents(terminated(TERMINATION));
        }

        @Test
        void terminationEndsEveryRunningDelegationOnTheEffectiveDateAndLeavesPlannedOnes() {
            fixture.given(runningCooperation())
                    .when(terminate(TERMINATION))
                    .expectEvents(
                            terminated(TERMINATION),
                            endedByTermination(WOHNGELD, TERMINATION),
                            endedByTermination(BEHOERDENNUMMER, TERMINATION));
        }

        @Test
        void aTerminatedAgreementTakesNoNewDelegation() {
            fixture.given(history(inForce(), terminated(TERMINATION)))
                    .when(delegateDatensicherung(IKS, List.of(SAARPFALZ), null))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.AGREEMENT_TERMINATED));
        }

        @Test
        void aTerminatedAgreementStartsNoPlannedDelegation() {
            fixture.given(history(inForce(), datensicherungDelegated(), terminated(TERMINATION)))
                    .when(new StartDelegation(AGREEMENT, DATENSICHERUNG, TERMINATION))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.AGREEMENT_TERMINATED));
        }

        @Test
        void aTerminatedAgreementTakesNoCostEntry() {
            fixture.given(history(
                            inForce(),
                            wohngeldActive(),
                            terminated(TERMINATION),
                            endedByTermination(WOHNGELD, TERMINATION)))
                    .when(recordCost("spk-2019", WOHNGELD, SAARPFALZ, 2019, CostKind.ACTUAL, "25000.00"))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.AGREEMENT_TERMINATED));
        }

        @Test
        void terminatingTwiceIsRefused() {
            fixture.given(history(inForce(), terminated(TERMINATION)))
                    .when(terminate(TERMINATION.plusYears(1)))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.AGREEMENT_ALREADY_TERMINATED));
        }

        // rule 7: termination >= validFrom, and running delegations end on or after their last change

        @Test
        void terminationOnTheDayTheAgreementBecomesValidIsAccepted() {
            fixture.given(inForce()).when(terminate(VALID_FROM)).expectEvents(terminated(VALID_FROM));
        }

        @Test
        void terminationBeforeTheAgreementIsValidIsRefused() {
            fixture.given(inForce())
                    .when(terminate(VALID_FROM.minusDays(1)))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.TERMINATION_BEFORE_VALID_FROM));
        }

        @Test
        void terminationOnTheDayARunningDelegationStartedEndsItThatDay() {
            LocalDate start = LocalDate.of(2015, 1, 1);
            fixture.given(history(inForce(), datensicherungDelegated(), started(DATENSICHERUNG, start)))
                    .when(terminate(start))
                    .expectEvents(terminated(start), endedByTermination(DATENSICHERUNG, start));
        }

        @Test
        void terminationBeforeARunningDelegationStartedIsRefused() {
            LocalDate start = LocalDate.of(2015, 1, 1);
            fixture.given(history(inForce(), datensicherungDelegated(), started(DATENSICHERUNG, start)))
                    .when(terminate(start.minusDays(1)))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.TERMINATION_BEFORE_DELEGATION_START));
        }

        /**
         * Rule 3: terminating ends every delegation still running on the termination date. A
         * delegation whose recorded end lies after that date was running on it, yet it cannot be
         * ended again; accepting the termination would leave it outlasting the agreement.
         */
        @Test
        void terminationBeforeTheRecordedEndOfADelegationIsRefused() {
            LocalDate endedOn = TERMINATION.plusMonths(6);
            fixture.given(history(inForce(), wohngeldActive(), ended(WOHNGELD, endedOn)))
                    .when(terminate(TERMINATION))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.TERMINATION_BEFORE_DELEGATION_START));
        }

        @Test
        void terminationOnOrAfterTheRecordedEndOfADelegationLeavesItEnded() {
            fixture.given(history(inForce(), wohngeldActive(), ended(WOHNGELD, TERMINATION)))
                    .when(terminate(TERMINATION))
                    .expectEvents(terminated(TERMINATION));
        }

        @Test
        void terminationBeforeTheLastChangeOfARunningDelegationIsRefused() {
            fixture.given(runningCooperation())
                    .when(terminate(BEHOERDENNUMMER_SUSPENDED.minusDays(1)))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.TERMINATION_BEFORE_DELEGATION_START));
        }
    }

    // ---- rule 4: delegations ---------------------------------------------------------------------

    @Nested
    class Delegating {

        @Test
        void aDelegationWithoutStartIsPlanned() {
            fixture.given(inForce())
                    .when(delegateDatensicherung(IKS, List.of(SAARPFALZ), null))
                    .expectEvents(datensicherungDelegated());
        }

        @Test
        void aDelegationWithStartStartsAtOnce() {
            fixture.given(inForce())
                    .when(new DelegateService(
                            AGREEMENT,
                            WOHNGELD,
                            "wohngeld",
                            "Berechnung und Auszahlung des Wohngeldes",
                            null,
                            IKS,
                            List.of(SAARPFALZ),
                            WOHNGELD_STARTED))
                    .expectEvents(wohngeldDelegated(), started(WOHNGELD, WOHNGELD_STARTED));
        }

        @Test
        void anOperatingUnitProvidesForItsBody() {
            fixture.given(inForce())
                    .when(delegateDatensicherung(TSC, List.of(SAARPFALZ), null))
                    .expectEvents(datensicherung(TSC, SAARBRUECKEN, List.of(SAARPFALZ)));
        }

        @Test
        void aPartyProvidesAsItself() {
            fixture.given(inForce())
                    .when(delegateDatensicherung(SAARPFALZ, List.of(SAARBRUECKEN), null))
                    .expectEvents(datensicherung(SAARPFALZ, SAARPFALZ, List.of(SAARBRUECKEN)));
        }

        @Test
        void aDelegationMayServeSeveralConsumers() {
            fixture.given(history(inForce(), homburgAdmitted(), signedByHomburg()))
                    .when(delegateDatensicherung(IKS, List.of(SAARPFALZ, HOMBURG), null))
                    .expectEvents(datensicherung(IKS, SAARBRUECKEN, List.of(SAARPFALZ, HOMBURG)));
        }

        @Test
        void aDraftTakesDelegationsAlready() {
            fixture.given(drafted())
                    .when(delegateDatensicherung(IKS, List.of(SAARPFALZ), null))
                    .expectEvents(datensicherungDelegated());
        }

        @Test
        void aDelegationIdThatExistsIsRefused() {
            fixture.given(history(inForce(), wohngeldDelegated()))
                    .when(new DelegateService(
                            AGREEMENT, WOHNGELD, "wohngeld-2", "Wohngeld", null, IKS, List.of(SAARPFALZ), null))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.DELEGATION_ALREADY_EXISTS));
        }

        @Test
        void aProviderThatIsNoPartyIsRefused() {
            fixture.given(inForce())
                    .when(delegateDatensicherung(HOMBURG, List.of(SAARPFALZ), null))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.PROVIDER_NOT_A_PARTY));
        }

        @Test
        void anOperatingUnitOfABodyThatIsNoPartyIsRefusedAsProvider() {
            fixture.given(inForce())
                    .when(delegateDatensicherung(HOMBURG_IT, List.of(SAARPFALZ), null))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.PROVIDER_NOT_A_PARTY));
        }

        @Test
        void anOperatingUnitOfASignedAdmittedPartyProvides() {
            fixture.given(history(inForce(), homburgAdmitted(), signedByHomburg()))
                    .when(delegateDatensicherung(HOMBURG_IT, List.of(SAARPFALZ), null))
                    .expectEvents(datensicherung(HOMBURG_IT, HOMBURG, List.of(SAARPFALZ)));
        }

        @Test
        void anUnregisteredProviderIsRefused() {
            fixture.given(inForce())
                    .when(delegateDatensicherung(UNREGISTERED, List.of(SAARPFALZ), null))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.UNKNOWN_PARTNER));
        }

        @Test
        void anUnregisteredConsumerIsRefused() {
            fixture.given(inForce())
                    .when(delegateDatensicherung(IKS, List.of(UNREGISTERED), null))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.UNKNOWN_PARTNER));
        }

        @Test
        void aDelegationWithoutConsumerIsRefused() {
            fixture.given(inForce())
                    .when(delegateDatensicherung(IKS, List.of(), null))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.DELEGATION_NEEDS_A_CONSUMER));
        }

        @Test
        void aConsumerListedTwiceIsRefused() {
            fixture.given(inForce())
                    .when(delegateDatensicherung(IKS, List.of(SAARPFALZ, SAARPFALZ), null))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.CONSUMER_LISTED_TWICE));
        }

        @Test
        void aConsumerThatIsNoPartyIsRefused() {
            fixture.given(inForce())
                    .when(delegateDatensicherung(IKS, List.of(SAARPFALZ, HOMBURG), null))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.CONSUMER_NOT_A_PARTY));
        }

        @Test
        void anOperatingUnitIsRefusedAsConsumer() {
            fixture.given(inForce())
                    .when(delegateDatensicherung(SAARPFALZ, List.of(TSC), null))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.CONSUMER_NOT_A_PARTY));
        }

        @Test
        void theProvidersPartyAmongTheConsumersIsRefused() {
            fixture.given(inForce())
                    .when(delegateDatensicherung(IKS, List.of(SAARPFALZ, SAARBRUECKEN), null))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.PROVIDER_AMONG_CONSUMERS));
        }

        @Test
        void aPartyProvidingToItselfIsRefused() {
            fixture.given(inForce())
                    .when(delegateDatensicherung(SAARPFALZ, List.of(SAARPFALZ), null))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.PROVIDER_AMONG_CONSUMERS));
        }

        @Test
        void aPartyAdmittedIntoAnAgreementInForceTakesNoPartBeforeItSigns() {
            fixture.given(history(inForce(), homburgAdmitted()))
                    .when(delegateDatensicherung(IKS, List.of(SAARPFALZ, HOMBURG), null))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.PARTY_HAS_NOT_SIGNED));
        }

        @Test
        void anOperatingUnitOfAnUnsignedAdmittedPartyProvidesNothingBeforeItsBodySigns() {
            fixture.given(history(inForce(), homburgAdmitted()))
                    .when(delegateDatensicherung(HOMBURG_IT, List.of(SAARPFALZ), null))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.PARTY_HAS_NOT_SIGNED));
        }

        @Test
        void inADraftUnsignedPartiesTakePart() {
            fixture.given(drafted(), homburgAdmitted())
                    .when(delegateDatensicherung(IKS, List.of(SAARPFALZ, HOMBURG), null))
                    .expectEvents(datensicherung(IKS, SAARBRUECKEN, List.of(SAARPFALZ, HOMBURG)));
        }
    }

    // ---- delegation lifecycle and rule 7 ---------------------------------------------------------

    @Nested
    class StartingADelegation {

        @Test
        void aPlannedDelegationStarts() {
            LocalDate start = LocalDate.of(2015, 1, 1);
            fixture.given(history(inForce(), datensicherungDelegated()))
                    .when(new StartDelegation(AGREEMENT, DATENSICHERUNG, start))
                    .expectEvents(started(DATENSICHERUNG, start));
        }

        @Test
        void aDelegationMayStartBeforeTheAgreementWasSigned() {
            fixture.given(history(inForce(), wohngeldDelegated()))
                    .when(new StartDelegation(AGREEMENT, WOHNGELD, WOHNGELD_STARTED))
                    .expectEvents(started(WOHNGELD, WOHNGELD_STARTED));
        }

        @Test
        void startingARunningDelegationIsRefused() {
            fixture.given(history(inForce(), wohngeldActive()))
                    .when(new StartDelegation(AGREEMENT, WOHNGELD, TODAY))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.DELEGATION_ALREADY_STARTED));
        }

        @Test
        void startingAnEndedDelegationIsRefused() {
            fixture.given(runningCooperation())
                    .when(new StartDelegation(AGREEMENT, DATENSPEICHER, DATENSPEICHER_ENDED.plusDays(1)))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.DELEGATION_ALREADY_STARTED));
        }

        @Test
        void startingAnUnknownDelegationIsRefused() {
            fixture.given(inForce())
                    .when(new StartDelegation(AGREEMENT, "unbekannt", TODAY))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.DELEGATION_NOT_FOUND));
        }
    }

    @Nested
    class SuspendingADelegation {

        @Test
        void anActiveDelegationIsSuspended() {
            fixture.given(history(inForce(), wohngeldActive()))
                    .when(new SuspendDelegation(AGREEMENT, WOHNGELD, TODAY, "Umstellung"))
                    .expectEvents(new DelegationSuspended(AGREEMENT, WOHNGELD, TODAY, "Umstellung"));
        }

        @Test
        void aSuspensionOnTheDayOfTheStartIsAccepted() {
            fixture.given(history(inForce(), wohngeldActive()))
                    .when(new SuspendDelegation(AGREEMENT, WOHNGELD, WOHNGELD_STARTED, "Umstellung"))
                    .expectEvents(new DelegationSuspended(AGREEMENT, WOHNGELD, WOHNGELD_STARTED, "Umstellung"));
        }

        @Test
        void aSuspensionBeforeTheStartIsRefused() {
            fixture.given(history(inForce(), wohngeldActive()))
                    .when(new SuspendDelegation(AGREEMENT, WOHNGELD, WOHNGELD_STARTED.minusDays(1), "Umstellung"))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.DATE_BEFORE_LAST_CHANGE));
        }

        @Test
        void aSuspensionBeforeTheLastResumptionIsRefused() {
            LocalDate resumedOn = BEHOERDENNUMMER_SUSPENDED.plusMonths(1);
            fixture.given(history(runningCooperation(), resumed(BEHOERDENNUMMER, resumedOn)))
                    .when(new SuspendDelegation(AGREEMENT, BEHOERDENNUMMER, resumedOn.minusDays(1), "Wartung"))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.DATE_BEFORE_LAST_CHANGE));
        }

        @Test
        void suspendingAPlannedDelegationIsRefused() {
            fixture.given(history(inForce(), datensicherungDelegated()))
                    .when(new SuspendDelegation(AGREEMENT, DATENSICHERUNG, TODAY, "Umstellung"))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.DELEGATION_NOT_ACTIVE));
        }

        @Test
        void suspendingASuspendedDelegationIsRefused() {
            fixture.given(runningCooperation())
                    .when(new SuspendDelegation(
                            AGREEMENT, BEHOERDENNUMMER, BEHOERDENNUMMER_SUSPENDED.plusDays(1), "Umstellung"))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.DELEGATION_NOT_ACTIVE));
        }

        @Test
        void suspendingAnUnknownDelegationIsRefused() {
            fixture.given(inForce())
                    .when(new SuspendDelegation(AGREEMENT, "unbekannt", TODAY, "Umstellung"))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.DELEGATION_NOT_FOUND));
        }
    }

    @Nested
    class ResumingADelegation {

        @Test
        void aSuspendedDelegationIsResumed() {
            LocalDate on = BEHOERDENNUMMER_SUSPENDED.plusMonths(1);
            fixture.given(runningCooperation())
                    .when(new ResumeDelegation(AGREEMENT, BEHOERDENNUMMER, on, "Telefonanlage umgestellt"))
                    .expectEvents(resumed(BEHOERDENNUMMER, on));
        }

        @Test
        void aResumptionOnTheDayOfTheSuspensionIsAccepted() {
            fixture.given(runningCooperation())
                    .when(new ResumeDelegation(
                            AGREEMENT, BEHOERDENNUMMER, BEHOERDENNUMMER_SUSPENDED, "Telefonanlage umgestellt"))
                    .expectEvents(resumed(BEHOERDENNUMMER, BEHOERDENNUMMER_SUSPENDED));
        }

        @Test
        void aResumptionBeforeTheSuspensionIsRefused() {
            fixture.given(runningCooperation())
                    .when(new ResumeDelegation(
                            AGREEMENT, BEHOERDENNUMMER, BEHOERDENNUMMER_SUSPENDED.minusDays(1), "zurückdatiert"))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.DATE_BEFORE_LAST_CHANGE));
        }

        @Test
        void resumingAnActiveDelegationIsRefused() {
            fixture.given(history(inForce(), wohngeldActive()))
                    .when(new ResumeDelegation(AGREEMENT, WOHNGELD, TODAY, "läuft doch"))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.DELEGATION_NOT_SUSPENDED));
        }

        @Test
        void resumingAnUnknownDelegationIsRefused() {
            fixture.given(inForce())
                    .when(new ResumeDelegation(AGREEMENT, "unbekannt", TODAY, null))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.DELEGATION_NOT_FOUND));
        }
    }

    @Nested
    class EndingADelegation {

        @Test
        void anActiveDelegationEnds() {
            LocalDate on = LocalDate.of(2018, 12, 31);
            fixture.given(history(inForce(), wohngeldActive()))
                    .when(new EndDelegation(AGREEMENT, WOHNGELD, on, "Leistung eingestellt"))
                    .expectEvents(ended(WOHNGELD, on));
        }

        @Test
        void aSuspendedDelegationEnds() {
            LocalDate on = BEHOERDENNUMMER_SUSPENDED.plusMonths(3);
            fixture.given(runningCooperation())
                    .when(new EndDelegation(AGREEMENT, BEHOERDENNUMMER, on, "Leistung eingestellt"))
                    .expectEvents(ended(BEHOERDENNUMMER, on));
        }

        @Test
        void anEndOnTheDayOfTheStartIsAccepted() {
            fixture.given(history(inForce(), wohngeldActive()))
                    .when(new EndDelegation(AGREEMENT, WOHNGELD, WOHNGELD_STARTED, "Leistung eingestellt"))
                    .expectEvents(ended(WOHNGELD, WOHNGELD_STARTED));
        }

        @Test
        void anEndBeforeTheStartIsRefused() {
            fixture.given(history(inForce(), wohngeldActive()))
                    .when(new EndDelegation(AGREEMENT, WOHNGELD, WOHNGELD_STARTED.minusDays(1), "zurückdatiert"))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.DATE_BEFORE_LAST_CHANGE));
        }

        @Test
        void anEndBeforeTheSuspensionIsRefused() {
            fixture.given(runningCooperation())
                    .when(new EndDelegation(
                            AGREEMENT, BEHOERDENNUMMER, BEHOERDENNUMMER_SUSPENDED.minusDays(1), "zurückdatiert"))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.DATE_BEFORE_LAST_CHANGE));
        }

        @Test
        void endingAPlannedDelegationIsRefused() {
            fixture.given(history(inForce(), datensicherungDelegated()))
                    .when(new EndDelegation(AGREEMENT, DATENSICHERUNG, TODAY, "verworfen"))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.DELEGATION_NOT_RUNNING));
        }

        @Test
        void endingAnEndedDelegationIsRefused() {
            fixture.given(runningCooperation())
                    .when(new EndDelegation(AGREEMENT, DATENSPEICHER, DATENSPEICHER_ENDED.plusDays(1), "nochmals"))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.DELEGATION_NOT_RUNNING));
        }

        @Test
        void endingAnUnknownDelegationIsRefused() {
            fixture.given(inForce())
                    .when(new EndDelegation(AGREEMENT, "unbekannt", TODAY, null))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.DELEGATION_NOT_FOUND));
        }
    }

    // ---- rule 5 and rule 8: cost entries ---------------------------------------------------------

    @Nested
    class RecordingACostEntry {

        @Test
        void aBaselineOfAConsumerIsRecorded() {
            fixture.given(history(inForce(), wohngeldActive()))
                    .when(recordCost("spk-2015", WOHNGELD, SAARPFALZ, 2015, CostKind.BASELINE, "40000.00"))
                    .expectEvents(recorded("spk-2015", WOHNGELD, SAARPFALZ, 2015, CostKind.BASELINE, "40000.00"));
        }

        @Test
        void revenueOfTheProvidersPartyIsRecorded() {
            fixture.given(history(inForce(), wohngeldActive()))
                    .when(recordCost("sb-2015", WOHNGELD, SAARBRUECKEN, 2015, CostKind.REVENUE, "9000.00"))
                    .expectEvents(recorded("sb-2015", WOHNGELD, SAARBRUECKEN, 2015, CostKind.REVENUE, "9000.00"));
        }

        @Test
        void theDescriptionIsRecorded() {
            fixture.given(history(inForce(), wohngeldActive()))
                    .when(new RecordCostEntry(
                            AGREEMENT,
                            WOHNGELD,
                            "spk-2015",
                            SAARPFALZ,
                            2015,
                            CostKind.ACTUAL,
                            new BigDecimal("25000.00"),
                            "Entgelt an IKS"))
                    .expectEvents(new CostEntryRecorded(
                            AGREEMENT,
                            WOHNGELD,
                            "spk-2015",
                            SAARPFALZ,
                            2015,
                            CostKind.ACTUAL,
                            new BigDecimal("25000.00"),
                            "Entgelt an IKS"));
        }

        @ParameterizedTest(name = "{0} is booked as {1}")
        @MethodSource("de.ikz.ledger.command.agreement.CooperationAgreementTest#amountsAndTheirNormalForm")
        void amountsAreNormalizedToTwoFractionDigits(String sent, String booked) {
            fixture.given(history(inForce(), wohngeldActive()))
                    .when(recordCost("spk-2015", WOHNGELD, SAARPFALZ, 2015, CostKind.BASELINE, sent))
                    .expectEvents(recorded("spk-2015", WOHNGELD, SAARPFALZ, 2015, CostKind.BASELINE, booked));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"0", "0.00", "-15000.00", "0.005", "15000.001", "1000000000.01"})
        void anAmountOutsideTheRangeOrWithMoreThanTwoFractionDigitsIsRefused(String amount) {
            fixture.given(history(inForce(), wohngeldActive()))
                    .when(recordCost("spk-2015", WOHNGELD, SAARPFALZ, 2015, CostKind.BASELINE, amount))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.INVALID_REQUEST));
        }

        @Test
        void aDraftTakesNoCostEntry() {
            fixture.given(history(drafted(), wohngeldActive()))
                    .when(recordCost("spk-2014", WOHNGELD, SAARPFALZ, 2014, CostKind.BASELINE, "40000.00"))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.AGREEMENT_NOT_IN_FORCE));
        }

        @Test
        void aPlannedDelegationTakesNoCostEntry() {
            fixture.given(history(inForce(), datensicherungDelegated()))
                    .when(recordCost("spk-2015", DATENSICHERUNG, SAARPFALZ, 2015, CostKind.BASELINE, "5000.00"))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.DELEGATION_NOT_STARTED));
        }

        @Test
        void anEndedDelegationTakesEntriesForTheYearsItRan() {
            fixture.given(runningCooperation())
                    .when(recordCost("spk-2016-ds", DATENSPEICHER, SAARPFALZ, 2016, CostKind.ACTUAL, "3000.00"))
                    .expectEvents(recorded("spk-2016-ds", DATENSPEICHER, SAARPFALZ, 2016, CostKind.ACTUAL, "3000.00"));
        }

        @Test
        void anUnknownDelegationIsRefused() {
            fixture.given(inForce())
                    .when(recordCost("spk-2015", "unbekannt", SAARPFALZ, 2015, CostKind.BASELINE, "40000.00"))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.DELEGATION_NOT_FOUND));
        }

        @Test
        void aPartyThatIsNeitherProviderNorConsumerIsRefused() {
            fixture.given(history(inForce(), homburgAdmitted(), signedByHomburg(), wohngeldActive()))
                    .when(recordCost("hom-2015", WOHNGELD, HOMBURG, 2015, CostKind.BASELINE, "10000.00"))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.COST_ENTRY_PARTY_NOT_INVOLVED));
        }

        @Test
        void theProvidingOperatingUnitItselfIsNotTheEntrysParty() {
            fixture.given(history(inForce(), wohngeldActive()))
                    .when(recordCost("iks-2015", WOHNGELD, IKS, 2015, CostKind.REVENUE, "9000.00"))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.COST_ENTRY_PARTY_NOT_INVOLVED));
        }

        @Test
        void theStartYearIsWithinTheDelegation() {
            fixture.given(history(inForce(), wohngeldActive()))
                    .when(recordCost("spk-2012", WOHNGELD, SAARPFALZ, 2012, CostKind.BASELINE, "38000.00"))
                    .expectEvents(recorded("spk-2012", WOHNGELD, SAARPFALZ, 2012, CostKind.BASELINE, "38000.00"));
        }

        @Test
        void aFiscalYearBeforeTheStartYearIsRefused() {
            fixture.given(history(inForce(), wohngeldActive()))
                    .when(recordCost("spk-2011", WOHNGELD, SAARPFALZ, 2011, CostKind.BASELINE, "38000.00"))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.FISCAL_YEAR_OUTSIDE_DELEGATION));
        }

        @Test
        void aFiscalYearAfterTheEndYearIsRefused() {
            fixture.given(runningCooperation())
                    .when(recordCost("spk-2017-ds", DATENSPEICHER, SAARPFALZ, 2017, CostKind.ACTUAL, "3000.00"))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.FISCAL_YEAR_OUTSIDE_DELEGATION));
        }

        @Test
        void anEntryIdThatExistsIsRefused() {
            fixture.given(runningCooperation())
                    .when(recordCost(WOHNGELD_BASELINE_2014, WOHNGELD, SAARPFALZ, 2015, CostKind.BASELINE, "1.00"))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.COST_ENTRY_ALREADY_EXISTS));
        }

        @Test
        void anEntryIdThatExistsOnAnotherDelegationIsRefused() {
            fixture.given(runningCooperation())
                    .when(recordCost(
                            WOHNGELD_BASELINE_2014, BEHOERDENNUMMER, SAARPFALZ, 2015, CostKind.BASELINE, "1.00"))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.COST_ENTRY_ALREADY_EXISTS));
        }

        @Test
        void theIdOfAReversedEntryStaysTaken() {
            fixture.given(runningCooperation())
                    .when(recordCost(WOHNGELD_REVENUE_2014, WOHNGELD, SAARBRUECKEN, 2014, CostKind.REVENUE, "4500.00"))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.COST_ENTRY_ALREADY_EXISTS));
        }

        @Test
        void aReversedEntryIsBookedAgainUnderANewId() {
            fixture.given(runningCooperation())
                    .when(recordCost("sb-2014-revenue-2", WOHNGELD, SAARBRUECKEN, 2014, CostKind.REVENUE, "4500.00"))
                    .expectEvents(
                            recorded("sb-2014-revenue-2", WOHNGELD, SAARBRUECKEN, 2014, CostKind.REVENUE, "4500.00"));
        }

        @Test
        void aPartnerAccountBooksForItsOwnParty() {
            fixture.given(history(inForce(), wohngeldActive()))
                    .when(
                            recordCost("spk-2015", WOHNGELD, SAARPFALZ, 2015, CostKind.BASELINE, "40000.00"),
                            Map.of(ACTING_FOR, SAARPFALZ))
                    .expectEvents(recorded("spk-2015", WOHNGELD, SAARPFALZ, 2015, CostKind.BASELINE, "40000.00"));
        }
    }

    // ---- rule 6: reversals -----------------------------------------------------------------------

    @Nested
    class ReversingACostEntry {

        @Test
        void theReversalRepeatsTheEntrysPartnerYearKindAndAmount() {
            fixture.given(runningCooperation())
                    .when(new ReverseCostEntry(AGREEMENT, WOHNGELD_ACTUAL_2014, "falscher Betrag"))
                    .expectEvents(new CostEntryReversed(
                            AGREEMENT,
                            WOHNGELD,
                            WOHNGELD_ACTUAL_2014,
                            SAARPFALZ,
                            2014,
                            CostKind.ACTUAL,
                            new BigDecimal("25000.00"),
                            "falscher Betrag"));
        }

        @Test
        void reversingAnEntryTwiceIsRefused() {
            fixture.given(runningCooperation())
                    .when(new ReverseCostEntry(AGREEMENT, WOHNGELD_REVENUE_2014, "nochmals"))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.COST_ENTRY_ALREADY_REVERSED));
        }

        @Test
        void reversingAnUnknownEntryIsRefused() {
            fixture.given(runningCooperation())
                    .when(new ReverseCostEntry(AGREEMENT, "unbekannt", "Irrtum"))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.COST_ENTRY_NOT_FOUND));
        }

        @Test
        void anEntryJustRecordedCanBeReversed() {
            CostEntryRecorded entry = recorded("spk-2015", WOHNGELD, SAARPFALZ, 2015, CostKind.BASELINE, "40000.00");
            fixture.given(history(inForce(), wohngeldActive(), entry))
                    .when(new ReverseCostEntry(AGREEMENT, "spk-2015", "Irrtum"))
                    .expectEvents(reversed(entry, "Irrtum"));
        }
    }

    // ---- who may act -----------------------------------------------------------------------------

    @Nested
    class ActingForAPartner {

        @ParameterizedTest(name = "{0}")
        @MethodSource(
                "de.ikz.ledger.command.agreement.CooperationAgreementTest#commandsAcceptedInTheRunningCooperation")
        void aPartnerAccountOfAPartyActsOnTheAgreement(Object command) {
            fixture.given(runningCooperation())
                    .when(command, Map.of(ACTING_FOR, SAARPFALZ))
                    .expectSuccessfulHandlerExecution();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("de.ikz.ledger.command.agreement.CooperationAgreementTest#commandsOnTheRunningCooperation")
        void aPartnerAccountOfABodyThatIsNoPartyIsRefused(Object command) {
            fixture.given(runningCooperation())
                    .when(command, Map.of(ACTING_FOR, HOMBURG))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.ACTOR_NOT_A_PARTY));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("de.ikz.ledger.command.agreement.CooperationAgreementTest#commandsOnTheRunningCooperation")
        void aPartnerAccountOfAnOperatingUnitIsRefused(Object command) {
            fixture.given(runningCooperation())
                    .when(command, Map.of(ACTING_FOR, IKS))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.ACTOR_NOT_A_PARTY));
        }

        @Test
        void withoutPartnerBindingTheCommandIsNotRestricted() {
            fixture.given(runningCooperation())
                    .when(new AdmitParty(AGREEMENT, HOMBURG), Map.of("actor", "admin"))
                    .expectEvents(new PartyAdmitted(AGREEMENT, HOMBURG));
        }
    }

    // ---- sources and helpers ---------------------------------------------------------------------

    static Stream<Arguments> amountsAndTheirNormalForm() {
        return Stream.of(
                Arguments.of("15000", "15000.00"),
                Arguments.of("15000.5", "15000.50"),
                Arguments.of("1.5E+4", "15000.00"),
                Arguments.of("15000.000", "15000.00"),
                Arguments.of("0.01", "0.01"),
                Arguments.of("1000000000", "1000000000.00"));
    }

    /** One valid command of each kind on the running cooperation. */
    static Stream<Named<Object>> commandsAcceptedInTheRunningCooperation() {
        return acceptedCommands().stream();
    }

    /** Every kind of command on an existing agreement. */
    static Stream<Named<Object>> commandsOnTheRunningCooperation() {
        List<Named<Object>> commands = new ArrayList<>(acceptedCommands());
        commands.add(Named.of("SignAgreement", signBySaarpfalz(TODAY)));
        return commands.stream();
    }

    private static List<Named<Object>> acceptedCommands() {
        LocalDate later = LocalDate.of(2017, 1, 1);
        return List.of(
                Named.of("AdmitParty", new AdmitParty(AGREEMENT, HOMBURG)),
                Named.of("AmendAgreement", new AmendAgreement(AGREEMENT, "IT-Kooperation", null, null, "Kurztitel")),
                Named.of("TerminateAgreement", terminate(TERMINATION)),
                Named.of("DelegateService", delegateBackupOf115()),
                Named.of("StartDelegation", new StartDelegation(AGREEMENT, DATENSICHERUNG, later)),
                Named.of("SuspendDelegation", new SuspendDelegation(AGREEMENT, WOHNGELD, later, "Wartung")),
                Named.of("ResumeDelegation", new ResumeDelegation(AGREEMENT, BEHOERDENNUMMER, later, null)),
                Named.of("EndDelegation", new EndDelegation(AGREEMENT, WOHNGELD, later, "Leistung eingestellt")),
                Named.of(
                        "RecordCostEntry",
                        recordCost("spk-2017", WOHNGELD, SAARPFALZ, 2017, CostKind.BASELINE, "41000.00")),
                Named.of("ReverseCostEntry", new ReverseCostEntry(AGREEMENT, WOHNGELD_BASELINE_2014, "Irrtum")));
    }

    private static DelegateService delegateBackupOf115() {
        return new DelegateService(
                AGREEMENT,
                "behoerdennummer-115-vertretung",
                "behoerdennummer-115",
                "Behördenrufnummer 115 (Vertretung)",
                null,
                SAARPFALZ,
                List.of(SAARBRUECKEN),
                null);
    }

    private static DraftAgreement draft(List<String> partyIds, LocalDate validUntil) {
        return new DraftAgreement(AGREEMENT, TITLE, SUBJECT, partyIds, VALID_FROM, validUntil);
    }

    private static SignAgreement signBySaarbruecken(LocalDate on) {
        return new SignAgreement(AGREEMENT, SAARBRUECKEN, "Charlotte Britz", "Oberbürgermeisterin", on);
    }

    private static SignAgreement signBySaarpfalz(LocalDate on) {
        return new SignAgreement(AGREEMENT, SAARPFALZ, "Clemens Lindemann", "Landrat", on);
    }

    private static SignAgreement signByHomburg(LocalDate on) {
        return new SignAgreement(AGREEMENT, HOMBURG, "Martina Keller", "Bürgermeisterin", on);
    }

    private static TerminateAgreement terminate(LocalDate effectiveOn) {
        return new TerminateAgreement(AGREEMENT, effectiveOn, TERMINATION_REASON);
    }

    private static DelegationEnded endedByTermination(String delegationId, LocalDate on) {
        return new DelegationEnded(AGREEMENT, delegationId, on, "Agreement terminated: " + TERMINATION_REASON);
    }

    private static DelegateService delegateDatensicherung(
            String providerId, List<String> consumerIds, LocalDate startsOn) {
        ServiceDelegated planned = datensicherungDelegated();
        return new DelegateService(
                AGREEMENT,
                DATENSICHERUNG,
                planned.serviceCode(),
                planned.serviceName(),
                planned.leikaKey(),
                providerId,
                consumerIds,
                startsOn);
    }

    private static ServiceDelegated datensicherung(
            String providerId, String providerPartyId, List<String> consumerIds) {
        ServiceDelegated planned = datensicherungDelegated();
        return new ServiceDelegated(
                AGREEMENT,
                DATENSICHERUNG,
                planned.serviceCode(),
                planned.serviceName(),
                planned.leikaKey(),
                providerId,
                providerPartyId,
                consumerIds);
    }

    private static RecordCostEntry recordCost(
            String entryId, String delegationId, String partnerId, int fiscalYear, CostKind kind, String amount) {
        return new RecordCostEntry(
                AGREEMENT, delegationId, entryId, partnerId, fiscalYear, kind, new BigDecimal(amount), null);
    }
}
