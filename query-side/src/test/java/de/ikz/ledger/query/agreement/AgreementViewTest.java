package de.ikz.ledger.query.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import de.ikz.ledger.api.agreement.AgreementAmended;
import de.ikz.ledger.api.agreement.AgreementConcluded;
import de.ikz.ledger.api.agreement.AgreementDrafted;
import de.ikz.ledger.api.agreement.AgreementSigned;
import de.ikz.ledger.api.agreement.AgreementStatus;
import de.ikz.ledger.api.agreement.AgreementTerminated;
import de.ikz.ledger.api.agreement.CostEntryRecorded;
import de.ikz.ledger.api.agreement.CostEntryReversed;
import de.ikz.ledger.api.agreement.CostKind;
import de.ikz.ledger.api.agreement.DelegationEnded;
import de.ikz.ledger.api.agreement.DelegationResumed;
import de.ikz.ledger.api.agreement.DelegationStarted;
import de.ikz.ledger.api.agreement.DelegationStatus;
import de.ikz.ledger.api.agreement.DelegationSuspended;
import de.ikz.ledger.api.agreement.PartyAdmitted;
import de.ikz.ledger.api.agreement.ServiceDelegated;
import de.ikz.ledger.query.agreement.AgreementView.Recorded;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementViewTest {

    private static final String ID = "kooperation";
    private static final LocalDate MAY_22 = LocalDate.of(2014, 5, 22);
    private static final Instant T0 = Instant.parse("2014-05-22T09:00:00Z");

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    private static AgreementView drafted() {
        return AgreementView.drafted(
                new AgreementDrafted(ID, "IT-Kooperation", "IT", List.of("saarbruecken", "kreis"), MAY_22, null),
                at(0));
    }

    @Test
    void anAgreementIsInForceOnceConcludedWithEveryPartysSignature() {
        AgreementView view = AgreementView.replay(List.of(
                new Recorded(
                        new AgreementDrafted(
                                ID, "IT-Kooperation", "IT", List.of("saarbruecken", "kreis"), MAY_22, null),
                        at(0)),
                new Recorded(
                        new AgreementSigned(ID, "saarbruecken", "Charlotte Britz", "Oberbürgermeisterin", MAY_22),
                        at(1)),
                new Recorded(new AgreementSigned(ID, "kreis", "Clemens Lindemann", "Landrat", MAY_22), at(2)),
                new Recorded(new AgreementConcluded(ID, MAY_22), at(3))));

        assertThat(view.status()).isEqualTo(AgreementStatus.IN_FORCE);
        assertThat(view.concludedOn()).isEqualTo(MAY_22);
        assertThat(view.parties()).allMatch(AgreementView.Party::signed);
        assertThat(view.party("kreis").orElseThrow().signatoryName()).isEqualTo("Clemens Lindemann");
        assertThat(view.draftedAt()).isEqualTo(at(0));
        assertThat(view.lastChangedAt()).isEqualTo(at(3));
    }

    @Test
    void aDraftWithOneSignatureStaysADraft() {
        AgreementView view = drafted().apply(new AgreementSigned(ID, "kreis", "Landrat", "Landrat", MAY_22), at(1));

        assertThat(view.status()).isEqualTo(AgreementStatus.DRAFT);
        assertThat(view.party("saarbruecken").orElseThrow().signed()).isFalse();
    }

    @Test
    void anAdmittedPartyJoinsUnsignedAndOnlyOnce() {
        AgreementView view =
                drafted().apply(new PartyAdmitted(ID, "homburg"), at(1)).apply(new PartyAdmitted(ID, "homburg"), at(2));

        assertThat(view.parties())
                .extracting(AgreementView.Party::partnerId)
                .containsExactly("saarbruecken", "kreis", "homburg");
    }

    @Test
    void anAmendmentChangesOnlyTheFieldsItNames() {
        LocalDate until = LocalDate.of(2019, 12, 31);

        AgreementView view = drafted().apply(new AgreementAmended(ID, null, "IT und Telefonie", until, "scope"), at(1));

        assertThat(view.title()).isEqualTo("IT-Kooperation");
        assertThat(view.subject()).isEqualTo("IT und Telefonie");
        assertThat(view.validUntil()).isEqualTo(until);
    }

    @Test
    void aDelegationGoesFromPlannedThroughActiveAndSuspendedToEnded() {
        AgreementView view = drafted()
                .apply(
                        new ServiceDelegated(
                                ID, "wohngeld", "wohngeld", "Wohngeld", null, "iks", "saarbruecken", List.of("kreis")),
                        at(1));
        assertThat(view.delegation("wohngeld").orElseThrow().status()).isEqualTo(DelegationStatus.PLANNED);

        view = view.apply(new DelegationStarted(ID, "wohngeld", LocalDate.of(2013, 1, 1)), at(2));
        assertThat(view.delegation("wohngeld").orElseThrow().status()).isEqualTo(DelegationStatus.ACTIVE);
        view = view.apply(new DelegationSuspended(ID, "wohngeld", LocalDate.of(2015, 1, 1), "migration"), at(3));
        assertThat(view.delegation("wohngeld").orElseThrow().status()).isEqualTo(DelegationStatus.SUSPENDED);
        view = view.apply(new DelegationResumed(ID, "wohngeld", LocalDate.of(2015, 2, 1), null), at(4));
        assertThat(view.delegation("wohngeld").orElseThrow().status()).isEqualTo(DelegationStatus.ACTIVE);
        view = view.apply(new DelegationEnded(ID, "wohngeld", LocalDate.of(2016, 12, 31), null), at(5));

        AgreementView.Delegation ended = view.delegation("wohngeld").orElseThrow();
        assertThat(ended.status()).isEqualTo(DelegationStatus.ENDED);
        assertThat(ended.startsOn()).isEqualTo(LocalDate.of(2013, 1, 1));
        assertThat(ended.endsOn()).isEqualTo(LocalDate.of(2016, 12, 31));
        assertThat(ended.isProvidedBy("iks")).isTrue();
        assertThat(ended.isProvidedBy("saarbruecken")).isTrue();
        assertThat(ended.isProvidedBy("kreis")).isFalse();
        assertThat(ended.isConsumedBy("kreis")).isTrue();
    }

    @Test
    void aReversedEntryStaysMarkedWithItsReason() {
        AgreementView view = drafted()
                .apply(
                        new CostEntryRecorded(
                                ID, "wohngeld", "e1", "kreis", 2014, CostKind.BASELINE, new BigDecimal("18000"), null),
                        at(1))
                .apply(
                        new CostEntryReversed(
                                ID,
                                "wohngeld",
                                "e1",
                                "kreis",
                                2014,
                                CostKind.BASELINE,
                                new BigDecimal("18000"),
                                "typo"),
                        at(2));

        AgreementView.CostEntry entry = view.costEntry("e1").orElseThrow();
        assertThat(entry.reversed()).isTrue();
        assertThat(entry.reversalReason()).isEqualTo("typo");
        assertThat(entry.amount()).isEqualTo(new BigDecimal("18000.00"));
    }

    @Test
    void terminationRecordsDateAndReason() {
        AgreementView view = drafted().apply(new AgreementTerminated(ID, LocalDate.of(2020, 6, 30), "notice"), at(1));

        assertThat(view.status()).isEqualTo(AgreementStatus.TERMINATED);
        assertThat(view.terminatedOn()).isEqualTo(LocalDate.of(2020, 6, 30));
        assertThat(view.terminationReason()).isEqualTo("notice");
    }

    @Test
    void eventsBeforeTheDraftMakeNoAgreementAndUnknownDelegationsChangeNothing() {
        assertThat(AgreementView.fold(null, new AgreementConcluded(ID, MAY_22), at(0)))
                .isNull();

        AgreementView view = drafted().apply(new DelegationStarted(ID, "unknown", MAY_22), at(1));

        assertThat(view.delegations()).isEmpty();
    }

    @Test
    void theTouchedPartnersAreThePartiesProvidersTheirPartiesConsumersAndBookers() {
        AgreementView view = drafted()
                .apply(
                        new ServiceDelegated(
                                ID, "115", "115", "Behördennummer 115", null, "tsc", "saarbruecken", List.of("kreis")),
                        at(1));

        assertThat(view.touchedPartners()).containsExactly("saarbruecken", "kreis", "tsc");
    }
}
