package de.ikz.ledger.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ikz.ledger.api.EventEnvelope;
import java.util.List;

/** The audit log as CSV (RFC 4180): one row per envelope, the payload as JSON in the last column. */
final class AuditCsv {

    static final List<String> COLUMNS = List.of(
            "position",
            "recordedAt",
            "type",
            "revision",
            "aggregateId",
            "sequence",
            "eventId",
            "actor",
            "correlationId",
            "command",
            "payload");

    private AuditCsv() {}

    static String write(List<EventEnvelope> items, ObjectMapper json) {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (EventEnvelope item : items) {
            List<Object> cells = List.of(
                    text(item.position()),
                    text(item.recordedAt()),
                    text(item.type()),
                    text(item.revision()),
                    text(item.aggregateId()),
                    text(item.sequence()),
                    text(item.eventId()),
                    text(item.metadata().get("actor")),
                    text(item.metadata().get("correlationId")),
                    text(item.metadata().get("command")),
                    payload(item, json));
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv.append(quote(cells.get(i).toString()));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    private static String payload(EventEnvelope item, ObjectMapper json) {
        try {
            return json.writeValueAsString(item.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("payload cannot be written as JSON", e);
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Quotes a cell; a leading formula character is neutralised so spreadsheets show text. */
    static String quote(String cell) {
        String safe = !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?\\d+")
                ? "'" + cell
                : cell;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
