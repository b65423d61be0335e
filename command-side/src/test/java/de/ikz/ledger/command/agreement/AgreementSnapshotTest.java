package de.ikz.ledger.command.agreement;

import static de.ikz.ledger.command.ReferenceCase.AGREEMENT;
import static de.ikz.ledger.command.ReferenceCase.BEHOERDENNUMMER;
import static de.ikz.ledger.command.ReferenceCase.BEHOERDENNUMMER_SUSPENDED;
import static de.ikz.ledger.command.ReferenceCase.DATENSICHERUNG;
import static de.ikz.ledger.command.ReferenceCase.DATENSPEICHER;
import static de.ikz.ledger.command.ReferenceCase.HOMBURG;
import static de.ikz.ledger.command.ReferenceCase.IKS;
import static de.ikz.ledger.command.ReferenceCase.SAARPFALZ;
import static de.ikz.ledger.command.ReferenceCase.TODAY;
import static de.ikz.ledger.command.ReferenceCase.VALID_FROM;
import static de.ikz.ledger.command.ReferenceCase.WOHNGELD;
import static de.ikz.ledger.command.ReferenceCase.WOHNGELD_ACTUAL_2014;
import static de.ikz.ledger.command.ReferenceCase.WOHNGELD_BASELINE_2014;
import static de.ikz.ledger.command.ReferenceCase.WOHNGELD_REVENUE_2014;
import static de.ikz.ledger.command.ReferenceCase.history;
import static de.ikz.ledger.command.ReferenceCase.homburgAdmitted;
import static de.ikz.ledger.command.ReferenceCase.recorded;
import static de.ikz.ledger.command.ReferenceCase.resumed;
import static de.ikz.ledger.command.ReferenceCase.runningCooperation;
import static de.ikz.ledger.command.ReferenceCase.signedByHomburg;
import static de.ikz.ledger.command.ReferenceCase.started;
import static de.ikz.ledger.command.ReferenceCase.terminated;
import static de.ikz.ledger.command.Refusals.violates;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.api.PublishedJson;
import de.ikz.ledger.api.agreement.AdmitParty;
import de.ikz.ledger.api.agreement.AgreementStatus;
import de.ikz.ledger.api.agreement.CostEntryReversed;
import de.ikz.ledger.api.agreement.CostKind;
import de.ikz.ledger.api.agreement.DelegateService;
import de.ikz.ledger.api.agreement.DelegationEnded;
import de.ikz.ledger.api.agreement.RecordCostEntry;
import de.ikz.ledger.api.agreement.ResumeDelegation;
import de.ikz.ledger.api.agreement.ReverseCostEntry;
import de.ikz.ledger.api.agreement.SignAgreement;
import de.ikz.ledger.api.agreement.StartDelegation;
import de.ikz.ledger.api.agreement.SuspendDelegation;
import de.ikz.ledger.api.agreement.TerminateAgreement;
import de.ikz.ledger.command.ReferenceCase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A snapshot of an agreement, written and read with the serializer the service stores snapshots
 * with, restores an aggregate that holds the same state and decides every command the same way as
 * the aggregate sourced from the full history.
 */
class AgreementSnapshotTest {

    private static final Serializer SNAPSHOT_SERIALIZER = JacksonSerializer.builder()
            .objectMapper(PublishedJson.storedMessageMapper())
            .revisionResolver(new AnnotationRevisionResolver())
            .converter(new ChainingConverter(AgreementSnapshotTest.class.getClassLoader()))
            .build();

    private static final ObjectMapper JSON = PublishedJson.storedMessageMapper();

    /**
     * Parties signed and one admitted but unsigned; delegations ACTIVE, SUSPENDED, ENDED and
     * PLANNED; three cost entries, one reversed.
     */
    private static List<Object> richHistory() {
        return history(runningCooperation(), homburgAdmitted());
    }

    @Test
    void aSnapshotIsStoredUnderTheAggregateType() {
        SerializedObject<String> snapshot = SNAPSHOT_SERIALIZER.serialize(sourced(richHistory()), String.class);

        assertThat(snapshot.getType().getName()).isEqualTo(CooperationAgreement.class.getName());
        assertThat(snapshot.getData())
                .contains(
                        AGREEMENT,
                        HOMBURG,
                        WOHNGELD,
                        BEHOERDENNUMMER,
                        DATENSPEICHER,
                        DATENSICHERUNG,
                        WOHNGELD_BASELINE_2014,
                        WOHNGELD_ACTUAL_2014,
                        WOHNGELD_REVENUE_2014);
    }

    @Test
    void aRestoredAgreementHoldsTheSameState() throws Exception {
        CooperationAgreement original = sourced(richHistory());

        CooperationAgreement restored = restoredFromSnapshot();

        assertThat(restored).isNotSameAs(original);
        assertThat(restored).usingRecursiveComparison().isEqualTo(original);
        assertThat(jsonOf(restored)).isEqualTo(jsonOf(original));
    }

    @Test
    void aSnapshotOfARestoredAgreementEqualsTheOriginalSnapshot() {
        String first = SNAPSHOT_SERIALIZER
                .serialize(sourced(richHistory()), String.class)
                .getData();

        String second = SNAPSHOT_SERIALIZER
                .serialize(restoredFromSnapshot(), String.class)
                .getData();

        assertThat(second).isEqualTo(first);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void theRestoredAgreementDecidesLikeTheEventSourcedOne(Probe probe) {
        probe.outcome().accept(eventSourced().given(richHistory()).when(probe.command()));

        probe.outcome()
                .accept(fixture()
                        .givenState(AgreementSnapshotTest::restoredFromSnapshot)
                        .when(probe.command()));
    }

    static Stream<Probe> probes() {
        LocalDate later = LocalDate.of(2017, 3, 1);
        String reason = "Aufgaben neu geordnet";
        return Stream.of(
                new Probe(
                        "the admitted party signs and the agreement stays in force",
                        new SignAgreement(AGREEMENT, HOMBURG, "Martina Keller", "Bürgermeisterin", TODAY),
                        then -> then.expectEvents(signedByHomburg())
                                .expectResultMessagePayload(AgreementStatus.IN_FORCE)),
                new Probe(
                        "a party that signed does not sign again",
                        new SignAgreement(AGREEMENT, SAARPFALZ, "Clemens Lindemann", "Landrat", TODAY),
                        refusedWith(ErrorCode.AGREEMENT_ALREADY_SIGNED_BY_PARTY)),
                new Probe(
                        "the parties are known",
                        new AdmitParty(AGREEMENT, HOMBURG),
                        refusedWith(ErrorCode.PARTY_ALREADY_ADMITTED)),
                new Probe(
                        "the unsigned party takes no part yet",
                        new DelegateService(
                                AGREEMENT, "neu", "neu", "Neue Leistung", null, IKS, List.of(HOMBURG), null),
                        refusedWith(ErrorCode.PARTY_HAS_NOT_SIGNED)),
                new Probe(
                        "delegation ids stay taken",
                        new DelegateService(
                                AGREEMENT, WOHNGELD, "wohngeld", "Wohngeld", null, IKS, List.of(SAARPFALZ), null),
                        refusedWith(ErrorCode.DELEGATION_ALREADY_EXISTS)),
                new Probe(
                        "the planned delegation starts",
                        new StartDelegation(AGREEMENT, DATENSICHERUNG, later),
                        then -> then.expectEvents(started(DATENSICHERUNG, later))),
                new Probe(
                        "the active delegation does not start again",
                        new StartDelegation(AGREEMENT, WOHNGELD, later),
                        refusedWith(ErrorCode.DELEGATION_ALREADY_STARTED)),
                new Probe(
                        "the suspended delegation is not suspended again",
                        new SuspendDelegation(AGREEMENT, BEHOERDENNUMMER, later, "Wartung"),
                        refusedWith(ErrorCode.DELEGATION_NOT_ACTIVE)),
                new Probe(
                        "the date of the suspension is known",
                        new ResumeDelegation(AGREEMENT, BEHOERDENNUMMER, BEHOERDENNUMMER_SUSPENDED.minusDays(1), null),
                        refusedWith(ErrorCode.DATE_BEFORE_LAST_CHANGE)),
                new Probe(
                        "the suspended delegation resumes",
                        new ResumeDelegation(AGREEMENT, BEHOERDENNUMMER, later, "Telefonanlage umgestellt"),
                        then -> then.expectEvents(resumed(BEHOERDENNUMMER, later))),
                new Probe(
                        "the start year is known",
                        recordCost("spk-2011", WOHNGELD, 2011),
                        refusedWith(ErrorCode.FISCAL_YEAR_OUTSIDE_DELEGATION)),
                new Probe(
                        "the end year of the ended delegation is known",
                        recordCost("spk-2017-ds", DATENSPEICHER, 2017),
                        refusedWith(ErrorCode.FISCAL_YEAR_OUTSIDE_DELEGATION)),
                new Probe(
                        "the planned delegation takes no cost entry",
                        recordCost("spk-2017-dsi", DATENSICHERUNG, 2017),
                        refusedWith(ErrorCode.DELEGATION_NOT_STARTED)),
                new Probe(
                        "the agreement in force takes cost entries",
                        recordCost("spk-2017", WOHNGELD, 2017),
                        then -> then.expectEvents(
                                recorded("spk-2017", WOHNGELD, SAARPFALZ, 2017, CostKind.ACTUAL, "26000.00"))),
                new Probe(
                        "entry ids stay taken",
                        recordCost(WOHNGELD_BASELINE_2014, WOHNGELD, 2017),
                        refusedWith(ErrorCode.COST_ENTRY_ALREADY_EXISTS)),
                new Probe(
                        "an entry is reversed with its own data, amount included",
                        new ReverseCostEntry(AGREEMENT, WOHNGELD_ACTUAL_2014, "falscher Betrag"),
                        then -> then.expectEvents(new CostEntryReversed(
                                AGREEMENT,
                                WOHNGELD,
                                WOHNGELD_ACTUAL_2014,
                                SAARPFALZ,
                                2014,
                                CostKind.ACTUAL,
                                new BigDecimal("25000.00"),
                                "falscher Betrag"))),
                new Probe(
                        "a reversed entry stays reversed",
                        new ReverseCostEntry(AGREEMENT, WOHNGELD_REVENUE_2014, "nochmals"),
                        refusedWith(ErrorCode.COST_ENTRY_ALREADY_REVERSED)),
                new Probe(
                        "the start of validity is known",
                        new TerminateAgreement(AGREEMENT, VALID_FROM.minusDays(1), reason),
                        refusedWith(ErrorCode.TERMINATION_BEFORE_VALID_FROM)),
                new Probe(
                        "termination ends exactly the running delegations",
                        new TerminateAgreement(AGREEMENT, LocalDate.of(2019, 12, 31), reason),
                        then -> then.expectEvents(
                                terminated(LocalDate.of(2019, 12, 31)),
                                new DelegationEnded(
                                        AGREEMENT,
                                        WOHNGELD,
                                        LocalDate.of(2019, 12, 31),
                                        "Agreement terminated: " + reason),
                                new DelegationEnded(
                                        AGREEMENT,
                                        BEHOERDENNUMMER,
                                        LocalDate.of(2019, 12, 31),
                                        "Agreement terminated: " + reason))));
    }

    /** A command and what the agreement must answer to it. */
    record Probe(String name, Object command, Consumer<ResultValidator<CooperationAgreement>> outcome) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Consumer<ResultValidator<CooperationAgreement>> refusedWith(ErrorCode code) {
        return then -> then.expectNoEvents().expectException(violates(code));
    }

    private static RecordCostEntry recordCost(String entryId, String delegationId, int fiscalYear) {
        return new RecordCostEntry(
                AGREEMENT,
                delegationId,
                entryId,
                SAARPFALZ,
                fiscalYear,
                CostKind.ACTUAL,
                new BigDecimal("26000.00"),
                null);
    }

    /** The aggregate as an event-sourcing repository rebuilds it: every event through its handlers. */
    private static CooperationAgreement sourced(List<Object> events) {
        AggregateModel<CooperationAgreement> model =
                AnnotatedAggregateMetaModelFactory.inspectAggregate(CooperationAgreement.class);
        CooperationAgreement agreement = new CooperationAgreement();
        events.forEach(event -> model.publish(GenericEventMessage.asEventMessage(event), agreement));
        return agreement;
    }

    private static CooperationAgreement restoredFromSnapshot() {
        SerializedObject<byte[]> snapshot = SNAPSHOT_SERIALIZER.serialize(sourced(richHistory()), byte[].class);
        return SNAPSHOT_SERIALIZER.deserialize(snapshot);
    }

    private static JsonNode jsonOf(CooperationAgreement agreement) throws Exception {
        return JSON.readTree(JSON.writeValueAsString(agreement));
    }

    private static FixtureConfiguration<CooperationAgreement> eventSourced() {
        return fixture();
    }

    private static FixtureConfiguration<CooperationAgreement> fixture() {
        FixtureConfiguration<CooperationAgreement> fixture = new AggregateTestFixture<>(CooperationAgreement.class);
        fixture.registerInjectableResource(ReferenceCase.directory());
        fixture.registerInjectableResource(ReferenceCase.CLOCK);
        return fixture;
    }
}
