package de.ikz.ledger.api.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.ikz.ledger.api.agreement.CostEntryRecorded;
import de.ikz.ledger.api.agreement.CostEntryReversed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads cost entries stored in their first shape, revision {@code 0}, where {@code amount} was a
 * JSON number ({@code 15000} or {@code 15000.5}), as revision {@code 1}, where it is a string with
 * exactly two fraction digits ({@code "15000.00"}). Applies to {@link CostEntryRecorded} and {@link
 * CostEntryReversed}. Upcasting changes what readers get, never the stored bytes, so the hash chain
 * over the stored events stays intact.
 *
 * <p>Axon applications that read the ledger's events register it with their event store, for
 * example as a Spring bean of type {@code EventUpcaster}.
 */
public final class CostAmountUpcaster extends SingleEventUpcaster {

    public static final String OLD_REVISION = "0";
    public static final String NEW_REVISION = "1";

    private static final List<Class<?>> TYPES = List.of(CostEntryRecorded.class, CostEntryReversed.class);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        SerializedType type = representation.getType();
        return OLD_REVISION.equals(type.getRevision())
                && TYPES.stream().anyMatch(t -> t.getName().equals(type.getName()));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                new SimpleSerializedType(representation.getType().getName(), NEW_REVISION),
                JsonNode.class,
                CostAmountUpcaster::amountAsText);
    }

    /** The payload with {@code amount} as a string with two fraction digits. */
    static JsonNode amountAsText(JsonNode payload) {
        if (!(payload instanceof ObjectNode stored)) {
            return payload;
        }
        ObjectNode object = stored.deepCopy();
        JsonNode amount = object.get("amount");
        if (amount == null || amount.isNull()) {
            return object;
        }
        BigDecimal value = amount.isNumber()
                ? amount.decimalValue()
                : new BigDecimal(amount.asText().trim());
        // an amount never had more than two fraction digits: anything else is not silently rounded
        object.put("amount", value.setScale(2, RoundingMode.UNNECESSARY).toPlainString());
        return object;
    }
}
