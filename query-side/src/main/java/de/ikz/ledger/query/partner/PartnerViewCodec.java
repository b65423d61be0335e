package de.ikz.ledger.query.partner;

import de.ikz.ledger.api.partner.PartnerKind;
import de.ikz.ledger.query.store.Fields;
import de.ikz.ledger.query.store.ViewCodec;
import org.bson.Document;

/** The document of a partner in the {@code partners} collection. */
public final class PartnerViewCodec implements ViewCodec<PartnerView> {

    public static final String COLLECTION = "partners";
    public static final PartnerViewCodec INSTANCE = new PartnerViewCodec();

    private PartnerViewCodec() {}

    @Override
    public Document encode(PartnerView view) {
        return new Document("id", view.id())
                .append("name", view.name())
                .append("kind", Fields.name(view.kind()))
                .append("officialKey", view.officialKey())
                .append("parentId", view.parentId())
                .append("registeredAt", Fields.instant(view.registeredAt()));
    }

    @Override
    public PartnerView decode(Document document) {
        return new PartnerView(
                document.getString("id"),
                document.getString("name"),
                Fields.enumValue(document, "kind", PartnerKind.class),
                document.getString("officialKey"),
                document.getString("parentId"),
                Fields.instant(document, "registeredAt"));
    }
}
