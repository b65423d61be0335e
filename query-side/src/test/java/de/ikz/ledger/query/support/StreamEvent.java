package de.ikz.ledger.query.support;

import de.ikz.ledger.api.agreement.AgreementEvent;
import de.ikz.ledger.api.partner.PartnerEvent;

/** An event of one aggregate stream, before it gets its sequence number. */
public record StreamEvent(String aggregateType, String aggregateId, Object payload) {

    public static StreamEvent of(PartnerEvent event) {
        return new StreamEvent("Partner", event.partnerId(), event);
    }

    public static StreamEvent of(AgreementEvent event) {
        return new StreamEvent("Agreement", event.agreementId(), event);
    }
}
