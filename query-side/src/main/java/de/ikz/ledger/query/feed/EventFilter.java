package de.ikz.ledger.query.feed;

import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.api.agreement.AgreementEvent;
import de.ikz.ledger.api.partner.PartnerEvent;
import de.ikz.ledger.api.schema.EventCatalog;
import de.ikz.ledger.platform.web.LedgerProblemException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

/**
 * Which events a feed, stream or webhook carries: events of the published language, of the given
 * types (all when none is given) and, with a partner, only those of the partner's own stream and of
 * the agreements it is a party to at that event (drafted with it, or admitted at or before it).
 */
public record EventFilter(Set<String> types, String partnerId) {

    /** Partner ids are slugs. */
    public static final Pattern PARTNER_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");

    public static final EventFilter ALL = new EventFilter(Set.of(), null);

    public EventFilter {
        types = Set.copyOf(types);
    }

    /**
     * The filter of the query parameters {@code types} (comma-separated simple names) and {@code
     * partnerId}.
     *
     * @throws LedgerProblemException {@code 400 INVALID_PARAMETER} for an unknown type or a partner id
     *     that cannot be one
     */
    public static EventFilter of(String types, String partnerId) {
        List<String> names = new ArrayList<>();
        if (types != null) {
            for (String name : types.split(",", -1)) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
            if (names.isEmpty()) {
                throw new LedgerProblemException(
                        ErrorCode.INVALID_PARAMETER, "types names no event type; leave it out for every type.");
            }
        }
        List<String> unknown = unknownTypes(names);
        if (!unknown.isEmpty()) {
            throw new LedgerProblemException(
                    ErrorCode.INVALID_PARAMETER,
                    "Unknown event types " + unknown + "; known are " + EventCatalog.names() + ".");
        }
        if (partnerId != null && !PARTNER_ID.matcher(partnerId).matches()) {
            throw new LedgerProblemException(ErrorCode.INVALID_PARAMETER, "partnerId is not a partner id.");
        }
        return new EventFilter(new LinkedHashSet<>(names), partnerId);
    }

    /** The names among these that are no event type of the published language. */
    public static List<String> unknownTypes(Collection<String> names) {
        return names.stream().filter(n -> EventCatalog.byName(n).isEmpty()).toList();
    }

    /** Whether the event passes; {@code parties} answers who is a party of an agreement. */
    public boolean matches(EventMessage<?> message, AgreementParties parties) {
        Class<?> type = message.getPayloadType();
        if (!EventCatalog.isEvent(type)) {
            return false;
        }
        if (!types.isEmpty() && !types.contains(type.getSimpleName())) {
            return false;
        }
        if (partnerId == null) {
            return true;
        }
        Object payload = message.getPayload();
        if (payload instanceof PartnerEvent partner) {
            return partnerId.equals(partner.partnerId());
        }
        if (payload instanceof AgreementEvent agreement && message instanceof DomainEventMessage<?> domain) {
            return parties.isPartyAt(agreement.agreementId(), domain.getSequenceNumber(), partnerId);
        }
        return false;
    }
}
