package de.ikz.ledger.api.upcasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ikz.ledger.api.PublishedJson;
import de.ikz.ledger.api.agreement.CostEntryRecorded;
import de.ikz.ledger.api.agreement.CostEntryReversed;
import de.ikz.ledger.api.agreement.CostKind;
import de.ikz.ledger.api.schema.EventSchemas;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/**
 * A cost entry stored in its first shape (revision 0, the amount a JSON number) is read as the
 * current one (revision 1, the amount a string with two fraction digits), through Axon's upcaster
 * chain on the stored bytes, as an event store reads it.
 */
class CostAmountUpcasterTest {

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(PublishedJson.storedMessageMapper())
            .build();
    private final EventUpcasterChain chain = new EventUpcasterChain(new CostAmountUpcaster());

    @Test
    void aCostEntryStoredWithANumericAmountIsReadWithTheAmountAsTwoDigitText() {
        DomainEventData<byte[]> stored = stored(CostEntryRecorded.class, "0", """
                {"agreementId":"it-kooperation-2014","delegationId":"wohngeld","entryId":"e-1",\
                "partnerId":"saarpfalz-kreis","fiscalYear":2014,"kind":"BASELINE","amount":15000,\
                "description":"Altbestand"}""");

        IntermediateEventRepresentation upcast = upcastOne(stored);
        CostEntryRecorded event = serializer.deserialize(upcast.getData());

        assertThat(upcast.getType().getRevision()).isEqualTo("1");
        assertThat(serializer.getConverter().convert(upcast.getData().getData(), String.class))
                .contains("\"amount\":\"15000.00\"");
        assertThat(event.amount()).isEqualTo(new BigDecimal("15000.00"));
        assertThat(event.kind()).isEqualTo(CostKind.BASELINE);
        assertThat(event.description()).isEqualTo("Altbestand");
    }

    @Test
    void aReversalOfTheFirstShapeIsUpcastToo() {
        DomainEventData<byte[]> stored = stored(CostEntryReversed.class, "0", """
                {"agreementId":"a","delegationId":"d","entryId":"e","partnerId":"p","fiscalYear":2014,\
                "kind":"ACTUAL","amount":99.5,"reason":"falsch"}""");

        CostEntryReversed event = serializer.deserialize(upcastOne(stored).getData());

        assertThat(event.amount().toPlainString()).isEqualTo("99.50");
    }

    @Test
    void anEventOfTheCurrentRevisionPassesUnchanged() {
        String json = """
                {"agreementId":"a","delegationId":"d","entryId":"e","partnerId":"p","fiscalYear":2014,\
                "kind":"ACTUAL","amount":"12.30","description":null}""";
        DomainEventData<byte[]> stored = stored(CostEntryRecorded.class, "1", json);

        IntermediateEventRepresentation upcast = upcastOne(stored);

        assertThat(upcast.getType().getRevision()).isEqualTo("1");
        assertThat(serializer.getConverter().convert(upcast.getData().getData(), String.class))
                .isEqualTo(json);
    }

    @Test
    void anAmountWithMoreThanTwoFractionDigitsIsNotSilentlyRounded() {
        DomainEventData<byte[]> stored = stored(CostEntryRecorded.class, "0", """
                {"agreementId":"a","delegationId":"d","entryId":"e","partnerId":"p","fiscalYear":2014,\
                "kind":"ACTUAL","amount":1.005,"description":null}""");

        assertThatThrownBy(() -> serializer.deserialize(upcastOne(stored).getData()))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void theCurrentRevisionOfBothEventsIsTheOneTheUpcasterProduces() {
        assertThat(EventSchemas.revisionOf(CostEntryRecorded.class)).isEqualTo(CostAmountUpcaster.NEW_REVISION);
        assertThat(EventSchemas.revisionOf(CostEntryReversed.class)).isEqualTo(CostAmountUpcaster.NEW_REVISION);
    }

    private IntermediateEventRepresentation upcastOne(DomainEventData<byte[]> stored) {
        List<IntermediateEventRepresentation> upcast = chain.upcast(
                        Stream.of(new InitialEventRepresentation(stored, serializer)))
                .toList();
        assertThat(upcast).hasSize(1);
        return upcast.get(0);
    }

    private static DomainEventData<byte[]> stored(Class<?> type, String revision, String json) {
        return new GenericDomainEventEntry<>(
                "Agreement",
                "a",
                0,
                "event-1",
                Instant.parse("2014-05-22T10:00:00Z"),
                type.getName(),
                revision,
                json.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
    }
}
