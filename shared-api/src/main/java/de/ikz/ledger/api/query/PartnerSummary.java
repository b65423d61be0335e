package de.ikz.ledger.api.query;

import de.ikz.ledger.api.partner.PartnerKind;
import java.time.Instant;

/**
 * A registered partner.
 *
 * @param registeredAt when the registration was recorded
 */
public record PartnerSummary(
        String id, String name, PartnerKind kind, String officialKey, String parentId, Instant registeredAt) {}
