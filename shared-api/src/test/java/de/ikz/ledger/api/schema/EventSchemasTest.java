package de.ikz.ledger.api.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import de.ikz.ledger.api.PublishedJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event of the published language has a JSON Schema, and every golden sample of {@code
 * golden/events/} is valid against the schema of its type, checked by an independent validator
 * with format assertions switched on.
 */
class EventSchemasTest {

    private static final ObjectMapper JSON = PublishedJson.storedMessageMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    static List<String> eventTypes() {
        return EventCatalog.names();
    }

    @Test
    void everyEventOfTheCatalogueHasASchemaAndNothingElseHasOne() {
        assertThat(EventSchemas.all().keySet())
                .containsExactlyElementsOf(EventCatalog.names())
                .hasSize(15)
                .contains("PartnerRegistered", "AgreementSigned", "CostEntryRecorded", "CostEntryReversed");
        assertThat(EventSchemas.of("Unknown")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void theGoldenSampleIsValidAgainstItsSchema(String type) {
        List<Error> errors = validate(type, golden(type));

        assertThat(errors).as("%s golden sample against its schema", type).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void aSampleWithAnUnknownFieldOrAMissingFieldIsInvalid(String type) {
        ObjectNode extra = golden(type).deepCopy();
        extra.put("notAField", "x");
        ObjectNode missing = golden(type).deepCopy();
        missing.remove(missing.fieldNames().next());

        assertThat(validate(type, extra)).isNotEmpty();
        assertThat(validate(type, missing)).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void theSchemaNamesTheEventAndItsRevision(String type) {
        JsonNode schema = EventSchemas.of(type).orElseThrow();
        Class<?> eventType = EventCatalog.byName(type).orElseThrow();

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("title").asText()).isEqualTo(type);
        assertThat(schema.path("$id").asText()).endsWith("/" + type + "/" + EventSchemas.revisionOf(eventType));
        assertThat(schema.path("required").size()).isEqualTo(eventType.getRecordComponents().length);
    }

    @Test
    void anAmountIsAStringWithExactlyTwoFractionDigits() {
        JsonNode amount = EventSchemas.of("CostEntryRecorded").orElseThrow().at("/properties/amount");
        assertThat(amount.path("type").asText()).isEqualTo("string");
        assertThat(amount.path("pattern").asText()).isEqualTo("^\\d{1,10}\\.\\d{2}$");

        assertThat(validate("CostEntryRecorded", with("CostEntryRecorded", s -> s.put("amount", 15000))))
                .isNotEmpty();
        assertThat(validate("CostEntryRecorded", with("CostEntryRecorded", s -> s.put("amount", "15000.5"))))
                .isNotEmpty();
        assertThat(validate("CostEntryRecorded", with("CostEntryRecorded", s -> s.put("amount", "1000000000.00"))))
                .isEmpty();
        assertThat(validate("CostEntryReversed", with("CostEntryReversed", s -> s.put("amount", "-5.00"))))
                .isNotEmpty();
    }

    @Test
    void businessDatesAreDatesAndEnumsAreTheirNames() {
        JsonNode signed = EventSchemas.of("AgreementSigned").orElseThrow();
        assertThat(signed.at("/properties/signedOn/format").asText()).isEqualTo("date");
        JsonNode registered = EventSchemas.of("PartnerRegistered").orElseThrow();
        assertThat(registered.at("/properties/kind/enum").toString())
                .isEqualTo("[\"MUNICIPALITY\",\"DISTRICT\",\"STATE\",\"ASSOCIATION\",\"OPERATING_UNIT\"]");

        assertThat(validate("AgreementSigned", with("AgreementSigned", s -> s.put("signedOn", "2014-13-45"))))
                .isNotEmpty();
        assertThat(validate("AgreementSigned", with("AgreementSigned", s -> s.put("signedOn", "22.05.2014"))))
                .isNotEmpty();
        assertThat(validate("PartnerRegistered", with("PartnerRegistered", s -> s.put("kind", "VILLAGE"))))
                .isNotEmpty();
        assertThat(validate(
                        "AgreementDrafted",
                        with("AgreementDrafted", s -> s.putArray("partyIds").add(1))))
                .isNotEmpty();
    }

    @Test
    void onlyTheFieldsTheCatalogueNamesMayBeNull() {
        assertThat(validate("PartnerRegistered", with("PartnerRegistered", s -> s.putNull("officialKey"))))
                .isEmpty();
        assertThat(validate("AgreementAmended", with("AgreementAmended", s -> s.putNull("title"))))
                .isEmpty();
        assertThat(validate("PartnerRegistered", with("PartnerRegistered", s -> s.putNull("name"))))
                .isNotEmpty();
        assertThat(validate("CostEntryRecorded", with("CostEntryRecorded", s -> s.putNull("amount"))))
                .isNotEmpty();
        assertThat(validate("AgreementSigned", with("AgreementSigned", s -> s.putNull("signedOn"))))
                .isNotEmpty();
    }

    private static ObjectNode with(String type, Consumer<ObjectNode> change) {
        ObjectNode sample = golden(type).deepCopy();
        change.accept(sample);
        return sample;
    }

    private static List<Error> validate(String type, JsonNode instance) {
        Schema schema = REGISTRY.getSchema(EventSchemas.of(type).orElseThrow());
        return schema.validate(instance);
    }

    private static ObjectNode golden(String type) {
        String path = "golden/events/" + type + ".json";
        try (InputStream in = EventSchemasTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
