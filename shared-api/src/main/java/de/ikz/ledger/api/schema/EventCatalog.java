package de.ikz.ledger.api.schema;

import de.ikz.ledger.api.agreement.AgreementEvent;
import de.ikz.ledger.api.partner.PartnerEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every event type of the published language, found through the sealed event interfaces, so that a
 * new event is known here the moment it is permitted. An event's {@code type} is its simple name.
 */
public final class EventCatalog {

    private static final Map<String, Class<?>> BY_NAME = discover();

    private EventCatalog() {}

    /** The event types, partner events first, each group in the order its interface permits them. */
    public static List<Class<?>> types() {
        return List.copyOf(BY_NAME.values());
    }

    /** The simple names of the event types, in the order of {@link #types()}. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** The event type with this simple name, if the published language has one. */
    public static Optional<Class<?>> byName(String name) {
        return Optional.ofNullable(name).map(BY_NAME::get);
    }

    public static boolean isEvent(Class<?> type) {
        return type != null && BY_NAME.get(type.getSimpleName()) == type;
    }

    private static Map<String, Class<?>> discover() {
        List<Class<?>> types = new ArrayList<>();
        collect(PartnerEvent.class, types);
        collect(AgreementEvent.class, types);
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (Class<?> type : types) {
            if (byName.put(type.getSimpleName(), type) != null) {
                throw new IllegalStateException("Two events are named " + type.getSimpleName());
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    private static void collect(Class<?> type, List<Class<?>> into) {
        if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                collect(permitted, into);
            }
        } else if (!into.contains(type)) {
            into.add(type);
        }
    }
}
