package de.ikz.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ikz.ledger.api.agreement.AgreementEvent;
import de.ikz.ledger.api.agreement.CostEntryRecorded;
import de.ikz.ledger.api.agreement.CostEntryReversed;
import de.ikz.ledger.api.agreement.CostKind;
import de.ikz.ledger.api.partner.PartnerEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The events are the published language: the event store keeps them as JSON and subscribers read
 * that JSON. Each event type has a golden sample in {@code golden/events/<SimpleName>.json}; the
 * types are discovered through the sealed event interfaces, so a new event without a sample fails
 * here.
 */
class PublishedLanguageTest {

    private static final String GOLDEN = "golden/events/";

    /** The events named by the published event catalogue. */
    private static final Set<String> CONTRACT_EVENTS = Set.of(
            "PartnerRegistered",
            "PartnerRenamed",
            "AgreementDrafted",
            "PartyAdmitted",
            "AgreementSigned",
            "AgreementConcluded",
            "AgreementAmended",
            "AgreementTerminated",
            "ServiceDelegated",
            "DelegationStarted",
            "DelegationSuspended",
            "DelegationResumed",
            "DelegationEnded",
            "CostEntryRecorded",
            "CostEntryReversed");

    private final ObjectMapper mapper = PublishedJson.storedMessageMapper();

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void aSampleIsWrittenExactlyAsItsGoldenFile(Class<?> eventType) throws IOException {
        Object sample = sampleOf(eventType);
        JsonNode golden = golden(eventType);

        JsonNode written = mapper.readTree(mapper.writeValueAsString(sample));

        assertThat(written)
                .withFailMessage(() -> changed(
                        eventType,
                        "it is no longer written as its golden sample",
                        "golden file:%n%s%nwritten now:%n%s".formatted(pretty(golden), pretty(written))))
                .isEqualTo(golden);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void theGoldenFileIsReadBackAsTheSample(Class<?> eventType) {
        Object sample = sampleOf(eventType);
        JsonNode golden = golden(eventType);

        Object read;
        try {
            read = mapper.treeToValue(golden, eventType);
        } catch (IOException unreadable) {
            throw new AssertionError(
                    changed(eventType, "its golden sample can no longer be read", unreadable.getMessage()), unreadable);
        }

        assertThat(read)
                .withFailMessage(() -> changed(
                        eventType,
                        "its golden sample is read as a different event",
                        "expected:%n  %s%nread:%n  %s".formatted(sample, read)))
                .isEqualTo(sample);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void everyEventCarriesARevision(Class<?> eventType) {
        Revision revision = eventType.getAnnotation(Revision.class);

        assertThat(revision)
                .withFailMessage(() -> changed(
                        eventType,
                        "it has no @Revision",
                        "Stored events name the revision they were written in; upcasters depend on it."))
                .isNotNull();
        assertThat(revision.value()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void everyEventIsARecord(Class<?> eventType) {
        assertThat(eventType.isRecord())
                .withFailMessage(() -> changed(eventType, "it is not a record", "Events carry plain values only."))
                .isTrue();
    }

    @Test
    void thePublishedEventsAreThoseOfTheContract() {
        Set<String> published =
                eventTypes().map(named -> named.getPayload().getSimpleName()).collect(Collectors.toSet());

        assertThat(published)
                .withFailMessage(() -> """
                        The published language changed: the events are %s, the contract names %s.
                        Event names are stable; adding, renaming or removing one must be deliberate: \
                        change the contract, add a golden sample and, for a rename, an upcaster.""".formatted(published, CONTRACT_EVENTS))
                .isEqualTo(CONTRACT_EVENTS);
    }

    @Test
    void everyGoldenFileBelongsToAPublishedEvent() throws IOException, URISyntaxException {
        Set<String> published = eventTypes()
                .map(named -> named.getPayload().getSimpleName() + ".json")
                .collect(Collectors.toSet());
        URL folder = PublishedLanguageTest.class.getClassLoader().getResource(GOLDEN);
        assertThat(folder).isNotNull();

        Set<String> goldenFiles;
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            goldenFiles = files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
        }

        assertThat(goldenFiles)
                .withFailMessage(() -> """
                        The published language changed: golden samples %s have no event any more.
                        Removing or renaming an event must be deliberate: stored events of that type \
                        still exist and need an upcaster.""".formatted(goldenFiles.stream()
                        .filter(file -> !published.contains(file))
                        .toList()))
                .isSubsetOf(published);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"15000.00", "0.01", "0.50", "999.90", "1000000000.00"})
    void theAmountOfARecordedCostEntryIsAStringWithExactlyTwoFractionDigits(String amount) throws IOException {
        CostEntryRecorded entry = withAmount(PublishedLanguageSamples.costEntryRecorded(), new BigDecimal(amount));

        JsonNode written = mapper.readTree(mapper.writeValueAsString(entry)).get("amount");

        assertThat(written.isTextual())
                .withFailMessage(
                        "The published language changed: CostEntryRecorded.amount is written as %s, not as a string. "
                                + "Amounts travel as strings with two fraction digits so that no reader "
                                + "turns them into binary floating point.",
                        written.getNodeType())
                .isTrue();
        assertThat(written.asText()).matches("\\d+\\.\\d{2}").isEqualTo(amount);
    }

    @Test
    void theAmountOfTheGoldenCostEntryIsReadWithItsTwoFractionDigits() {
        CostEntryRecorded recorded = readGolden(CostEntryRecorded.class);
        CostEntryReversed reversed = readGolden(CostEntryReversed.class);

        assertThat(recorded.amount().scale()).isEqualTo(2);
        assertThat(recorded.amount()).isEqualTo(new BigDecimal("15000.00"));
        assertThat(reversed.amount().scale()).isEqualTo(2);
        assertThat(reversed.kind()).isEqualTo(CostKind.BASELINE);
    }

    @Test
    void theAmountOfAReversalIsAStringToo() throws IOException {
        JsonNode written = mapper.readTree(mapper.writeValueAsString(sampleOf(CostEntryReversed.class)))
                .get("amount");

        assertThat(written.isTextual()).isTrue();
        assertThat(written.asText()).isEqualTo("15000.00");
    }

    // ---- discovery and helpers -------------------------------------------------------------------

    /** Every concrete event type, found through the sealed event interfaces. */
    static Stream<Named<Class<?>>> eventTypes() {
        Set<Class<?>> types = new LinkedHashSet<>();
        collectPermitted(PartnerEvent.class, types);
        collectPermitted(AgreementEvent.class, types);
        List<Named<Class<?>>> named = new ArrayList<>();
        types.forEach(type -> named.add(Named.of(type.getSimpleName(), type)));
        return named.stream();
    }

    private static void collectPermitted(Class<?> type, Set<Class<?>> into) {
        if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                collectPermitted(permitted, into);
            }
        } else {
            into.add(type);
        }
    }

    private static Object sampleOf(Class<?> eventType) {
        return PublishedLanguageSamples.sampleOf(eventType)
                .orElseThrow(() -> new AssertionError(changed(
                        eventType,
                        "it is a new event without a sample",
                        "Add a sample to PublishedLanguageSamples and its JSON to " + goldenPath(eventType) + ".")));
    }

    private JsonNode golden(Class<?> eventType) {
        try (InputStream in = PublishedLanguageTest.class.getClassLoader().getResourceAsStream(goldenPath(eventType))) {
            if (in == null) {
                throw new AssertionError(changed(
                        eventType,
                        "it has no golden sample",
                        "Add " + goldenPath(eventType) + " under src/test/resources."));
            }
            return mapper.readTree(in);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private <T> T readGolden(Class<T> eventType) {
        try {
            return mapper.treeToValue(golden(eventType), eventType);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private String pretty(JsonNode node) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    private static String goldenPath(Class<?> eventType) {
        return GOLDEN + eventType.getSimpleName() + ".json";
    }

    private static String changed(Class<?> eventType, String what, String detail) {
        return """
                The published language changed: %s, %s.
                %s
                Stored events and subscribers rely on this format, so a change must be deliberate: \
                update the sample and %s, raise the event's @Revision and add an upcaster that turns \
                stored events of the previous revision into the new shape.""".formatted(eventType.getSimpleName(), what, detail, goldenPath(eventType));
    }

    private static CostEntryRecorded withAmount(CostEntryRecorded entry, BigDecimal amount) {
        return new CostEntryRecorded(
                entry.agreementId(),
                entry.delegationId(),
                entry.entryId(),
                entry.partnerId(),
                entry.fiscalYear(),
                entry.kind(),
                amount,
                entry.description());
    }
}
