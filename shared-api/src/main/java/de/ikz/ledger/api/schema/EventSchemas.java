package de.ikz.ledger.api.schema;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.serialization.Revision;

/**
 * JSON Schemas (draft 2020-12) of the events of the published language, generated from the event
 * records: one property per record component, every property required (the stored JSON always
 * writes every field, {@code null} included), business dates as {@code format: date}, instants as
 * {@code format: date-time}, amounts as strings with exactly two fraction digits. A field may be
 * {@code null} only where the event catalogue says so ({@link #NULLABLE}). A schema describes one
 * revision of an event exactly ({@code additionalProperties: false}); readers of the published
 * language still ignore fields they do not know, so that a later revision may add fields.
 */
public final class EventSchemas {

    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    public static final String ID_BASE = "https://ikz-ledger.example/schemas/events/";
    /** Euro amounts: up to 1000000000.00, always with two fraction digits. */
    public static final String AMOUNT_PATTERN = "^\\d{1,10}\\.\\d{2}$";

    /** The fields that may be {@code null}, by event; every other field always has a value. */
    static final Map<String, Set<String>> NULLABLE = Map.of(
            "PartnerRegistered", Set.of("officialKey", "parentId"),
            "AgreementDrafted", Set.of("validUntil"),
            "AgreementAmended", Set.of("title", "subject", "validUntil"),
            "ServiceDelegated", Set.of("leikaKey"),
            "DelegationSuspended", Set.of("reason"),
            "DelegationResumed", Set.of("reason"),
            "DelegationEnded", Set.of("reason"),
            "CostEntryRecorded", Set.of("description"));

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, ObjectNode> SCHEMAS = generateAll();

    private EventSchemas() {}

    /** The schema of every event type, by type name, in the order of {@link EventCatalog#types()}. */
    public static Map<String, JsonNode> all() {
        Map<String, JsonNode> copies = new LinkedHashMap<>();
        SCHEMAS.forEach((name, schema) -> copies.put(name, schema.deepCopy()));
        return copies;
    }

    /** The schema of the event type with this simple name. */
    public static Optional<JsonNode> of(String type) {
        return Optional.ofNullable(type).map(SCHEMAS::get).map(ObjectNode::deepCopy);
    }

    /** The revision of an event type's current shape, as stored with every event. */
    public static String revisionOf(Class<?> eventType) {
        Revision revision = eventType.getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }

    /** Whether {@code field} of {@code type} may be {@code null}. */
    public static boolean isNullable(String type, String field) {
        return NULLABLE.getOrDefault(type, Set.of()).contains(field);
    }

    private static Map<String, ObjectNode> generateAll() {
        for (Map.Entry<String, Set<String>> entry : NULLABLE.entrySet()) {
            Class<?> type = EventCatalog.byName(entry.getKey())
                    .orElseThrow(() -> new IllegalStateException("No event " + entry.getKey()));
            for (String field : entry.getValue()) {
                if (component(type, field).isEmpty()) {
                    throw new IllegalStateException(entry.getKey() + " has no field " + field);
                }
            }
        }
        Map<String, ObjectNode> schemas = new LinkedHashMap<>();
        for (Class<?> type : EventCatalog.types()) {
            schemas.put(type.getSimpleName(), generate(type));
        }
        return schemas;
    }

    static ObjectNode generate(Class<?> eventType) {
        if (!eventType.isRecord()) {
            throw new IllegalArgumentException(eventType + " is not a record");
        }
        String name = eventType.getSimpleName();
        String revision = revisionOf(eventType);
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", DIALECT);
        schema.put("$id", ID_BASE + name + (revision == null ? "" : "/" + revision));
        schema.put("title", name);
        schema.put(
                "description",
                "Payload of the event " + name + (revision == null ? "" : ", revision " + revision)
                        + ". The JSON type of the event is its name.");
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        for (RecordComponent component : eventType.getRecordComponents()) {
            ObjectNode property = propertyOf(component.getGenericType(), component);
            if (isNullable(name, component.getName())) {
                property = nullable(property);
            }
            properties.set(component.getName(), property);
            required.add(component.getName());
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private static ObjectNode propertyOf(Type type, RecordComponent component) {
        if (type instanceof ParameterizedType parameterized
                && parameterized.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)) {
            ObjectNode array = NODES.objectNode();
            array.put("type", "array");
            array.set("items", propertyOf(parameterized.getActualTypeArguments()[0], null));
            return array;
        }
        if (!(type instanceof Class<?> raw)) {
            throw new IllegalArgumentException("Cannot describe the type " + type);
        }
        ObjectNode property = NODES.objectNode();
        if (raw == String.class) {
            property.put("type", "string");
        } else if (raw == LocalDate.class) {
            property.put("type", "string").put("format", "date");
        } else if (raw == Instant.class) {
            property.put("type", "string").put("format", "date-time");
        } else if (raw == BigDecimal.class) {
            // Jackson's annotation on a record component lands on the field and the accessor
            JsonFormat format =
                    component == null ? null : component.getAccessor().getAnnotation(JsonFormat.class);
            if (format == null || format.shape() != JsonFormat.Shape.STRING) {
                throw new IllegalArgumentException(
                        "Amounts are written as strings; " + component + " lacks @JsonFormat(shape = STRING)");
            }
            property.put("type", "string").put("pattern", AMOUNT_PATTERN);
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            property.put("type", "integer");
        } else if (raw == boolean.class || raw == Boolean.class) {
            property.put("type", "boolean");
        } else if (raw.isEnum()) {
            property.put("type", "string");
            ArrayNode values = property.putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
        } else if (raw.isRecord()) {
            property.put("type", "object");
            ObjectNode properties = property.putObject("properties");
            ArrayNode required = property.putArray("required");
            for (RecordComponent nested : raw.getRecordComponents()) {
                properties.set(nested.getName(), propertyOf(nested.getGenericType(), nested));
                required.add(nested.getName());
            }
            property.put("additionalProperties", false);
        } else {
            throw new IllegalArgumentException("Cannot describe the type " + raw.getName());
        }
        return property;
    }

    /** The same property, or {@code null}. */
    private static ObjectNode nullable(ObjectNode property) {
        JsonNode type = property.get("type");
        ObjectNode copy = property.deepCopy();
        ArrayNode types = NODES.arrayNode().add(type.asText()).add("null");
        copy.set("type", types);
        if (copy.has("enum")) {
            ((ArrayNode) copy.get("enum")).addNull();
        }
        return copy;
    }

    private static Optional<RecordComponent> component(Class<?> type, String name) {
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals(name)) {
                return Optional.of(component);
            }
        }
        return Optional.empty();
    }
}
