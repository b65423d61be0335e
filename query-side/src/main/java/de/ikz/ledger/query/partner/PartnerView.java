package de.ikz.ledger.query.partner;

import de.ikz.ledger.api.partner.PartnerEvent;
import de.ikz.ledger.api.partner.PartnerKind;
import de.ikz.ledger.api.partner.PartnerRegistered;
import de.ikz.ledger.api.partner.PartnerRenamed;
import java.time.Instant;

/**
 * A partner as its events tell it: a pure fold ({@code view + event -> view}) without storage.
 *
 * @param registeredAt when the registration was recorded
 */
public record PartnerView(
        String id, String name, PartnerKind kind, String officialKey, String parentId, Instant registeredAt) {

    /**
     * Folds one event into a view; {@code view} is {@code null} before the partner was registered
     * and stays {@code null} for any other event.
     */
    public static PartnerView fold(PartnerView view, PartnerEvent event, Instant recordedAt) {
        if (view == null) {
            return event instanceof PartnerRegistered registered ? registered(registered, recordedAt) : null;
        }
        return view.apply(event, recordedAt);
    }

    public static PartnerView registered(PartnerRegistered event, Instant recordedAt) {
        return new PartnerView(
                event.partnerId(), event.name(), event.kind(), event.officialKey(), event.parentId(), recordedAt);
    }

    /** The view after {@code event}; a second registration changes nothing. */
    public PartnerView apply(PartnerEvent event, Instant recordedAt) {
        if (event instanceof PartnerRenamed renamed) {
            return new PartnerView(id, renamed.name(), kind, officialKey, parentId, registeredAt);
        }
        return this;
    }
}
