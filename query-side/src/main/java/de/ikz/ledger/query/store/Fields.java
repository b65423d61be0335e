package de.ikz.ledger.query.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;

/**
 * How typed values are written into documents: business dates as ISO dates, recorded instants as
 * ISO instants (exact to the nanosecond), enums by name, money as strings.
 */
public final class Fields {

    private Fields() {}

    public static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    public static LocalDate date(Document document, String field) {
        String text = document.getString(field);
        return text == null ? null : LocalDate.parse(text);
    }

    public static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    public static Instant instant(Document document, String field) {
        String text = document.getString(field);
        return text == null ? null : Instant.parse(text);
    }

    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    public static <E extends Enum<E>> E enumValue(Document document, String field, Class<E> type) {
        String text = document.getString(field);
        return text == null ? null : Enum.valueOf(type, text);
    }

    public static List<String> strings(Document document, String field) {
        return document.getList(field, String.class, List.of());
    }

    public static List<Document> documents(Document document, String field) {
        return document.getList(field, Document.class, List.of());
    }

    public static long longValue(Document document, String field) {
        return document.get(field, Number.class).longValue();
    }

    public static int intValue(Document document, String field) {
        return document.get(field, Number.class).intValue();
    }
}
