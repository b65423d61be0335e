package de.ikz.ledger.command.domain;

import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.api.partner.PartnerKind;
import java.util.Optional;

/**
 * Looks up registered partners for set validation inside command handlers. Implementations read
 * the event store itself, so the answer cannot drift from what was recorded.
 */
public interface PartnerDirectory {

    Optional<PartnerRef> find(String partnerId);

    /** The partner, or a {@code 422 UNKNOWN_PARTNER} refusal naming it. */
    default PartnerRef require(String partnerId) {
        return find(partnerId)
                .orElseThrow(() ->
                        new RuleViolated(ErrorCode.UNKNOWN_PARTNER, "Partner '" + partnerId + "' is not registered."));
    }

    /** What command handlers need to know of a partner; kind and parent never change. */
    record PartnerRef(String id, PartnerKind kind, String parentId) {

        /** The party this partner acts for: itself, or for an operating unit the body it belongs to. */
        public String partyId() {
            return kind == PartnerKind.OPERATING_UNIT ? parentId : id;
        }
    }
}
