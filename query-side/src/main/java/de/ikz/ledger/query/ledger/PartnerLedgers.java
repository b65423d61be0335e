package de.ikz.ledger.query.ledger;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.ikz.ledger.api.agreement.DelegationStatus;
import de.ikz.ledger.api.query.SavingsRole;
import de.ikz.ledger.api.query.ServiceItem;
import de.ikz.ledger.query.ledger.PartnerContribution.CostLine;
import de.ikz.ledger.query.money.Money;
import de.ikz.ledger.query.store.Fields;
import de.ikz.ledger.query.store.ViewScope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * One document per partner in {@code partner_ledgers}: under {@code agreements.<agreementId>}, what
 * each agreement contributes to it. A contribution is written with {@code $set} and an upsert, and
 * only over one that reflects an older or the same state of its agreement, so writing it again is
 * harmless and a stale writer never wins. When this process is the only writer of the store (the
 * embedded server), the write is filtered by {@code _id} alone, which the embedded server finds by
 * index (a filter on further fields scans the collection): a contribution is always computed from
 * the agreement's stored view, and an agreement's events are applied one after the other by one
 * thread, so the ledger receives its states in order.
 */
@Component
public class PartnerLedgers {

    public static final String COLLECTION = "partner_ledgers";
    static final String AGREEMENTS = "agreements";

    private final ViewScope scope;

    @Autowired
    public PartnerLedgers(ViewScope viewScope) {
        this.scope = viewScope;
    }

    /** The ledgers of one generation, for a replay that builds it. */
    public PartnerLedgers ofGeneration(long generation) {
        return new PartnerLedgers(scope.ofGeneration(generation));
    }

    /** The collection of the generation in use. */
    public MongoCollection<Document> collection() {
        return scope.collection(COLLECTION);
    }

    /** A ledger document holding every contribution of one partner, as the projection writes it. */
    public static Document document(String partnerId, List<PartnerContribution> contributions) {
        Document agreements = new Document();
        for (PartnerContribution contribution : contributions) {
            agreements.put(fieldName(contribution.agreementId()), encode(contribution));
        }
        return new Document("_id", partnerId).append(AGREEMENTS, agreements);
    }

    /** Stores a contribution unless a newer one of the same agreement is stored already. */
    public void write(PartnerContribution contribution) {
        String field = AGREEMENTS + "." + fieldName(contribution.agreementId());
        Bson filter = scope.soleWriter()
                ? Filters.eq("_id", contribution.partnerId())
                : Filters.and(
                        Filters.eq("_id", contribution.partnerId()),
                        Filters.or(
                                Filters.exists(field + ".sequence", false),
                                Filters.lte(field + ".sequence", contribution.sequence())));
        Bson update = Updates.set(field, encode(contribution));
        try {
            collection().updateOne(filter, update, new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // The ledger exists: it holds a newer state of this agreement (then the filter matches
            // nothing now either), or another writer created it between the filter and the insert
            // (then the update applies now). Either way, once more without the upsert.
            collection().updateOne(filter, update);
        }
    }

    /** The contributions to one partner, ordered by agreement id. */
    public List<PartnerContribution> find(String partnerId) {
        Document ledger = collection().find(Filters.eq("_id", partnerId)).first();
        return ledger == null ? List.of() : decode(ledger);
    }

    /** The contributions to every partner, ordered by partner id and then agreement id. */
    public Map<String, List<PartnerContribution>> findAll() {
        Map<String, List<PartnerContribution>> ledgers = new LinkedHashMap<>();
        for (Document ledger : collection().find().sort(Sorts.ascending("_id"))) {
            ledgers.put(ledger.getString("_id"), decode(ledger));
        }
        return ledgers;
    }

    /** Removes every ledger (before a replay). */
    public void clear() {
        collection().deleteMany(new Document());
    }

    /**
     * The field name of an agreement inside a ledger. Agreement ids are slugs or UUIDs; the
     * characters MongoDB reserves in field names are escaped all the same.
     */
    static String fieldName(String agreementId) {
        return agreementId.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    private static List<PartnerContribution> decode(Document ledger) {
        String partnerId = ledger.getString("_id");
        Document agreements = ledger.get(AGREEMENTS, Document.class);
        if (agreements == null) {
            return List.of();
        }
        List<PartnerContribution> contributions = new ArrayList<>();
        for (Object value : agreements.values()) {
            contributions.add(decode(partnerId, (Document) value));
        }
        contributions.sort(Comparator.comparing(PartnerContribution::agreementId));
        return contributions;
    }

    static Document encode(PartnerContribution contribution) {
        return new Document("agreementId", contribution.agreementId())
                .append("sequence", contribution.sequence())
                .append(
                        "provided",
                        contribution.provided().stream()
                                .map(PartnerLedgers::encode)
                                .toList())
                .append(
                        "received",
                        contribution.received().stream()
                                .map(PartnerLedgers::encode)
                                .toList())
                .append(
                        "costs",
                        contribution.costs().stream()
                                .map(PartnerLedgers::encode)
                                .toList());
    }

    static PartnerContribution decode(String partnerId, Document document) {
        return new PartnerContribution(
                document.getString("agreementId"),
                partnerId,
                Fields.longValue(document, "sequence"),
                Fields.documents(document, "provided").stream()
                        .map(PartnerLedgers::serviceItem)
                        .toList(),
                Fields.documents(document, "received").stream()
                        .map(PartnerLedgers::serviceItem)
                        .toList(),
                Fields.documents(document, "costs").stream()
                        .map(PartnerLedgers::costLine)
                        .toList());
    }

    private static Document encode(ServiceItem item) {
        return new Document("agreementId", item.agreementId())
                .append("delegationId", item.delegationId())
                .append("serviceCode", item.serviceCode())
                .append("serviceName", item.serviceName())
                .append("leikaKey", item.leikaKey())
                .append("providerId", item.providerId())
                .append("consumerIds", item.consumerIds())
                .append("status", Fields.name(item.status()))
                .append("startsOn", Fields.date(item.startsOn()))
                .append("endsOn", Fields.date(item.endsOn()));
    }

    private static ServiceItem serviceItem(Document document) {
        return new ServiceItem(
                document.getString("agreementId"),
                document.getString("delegationId"),
                document.getString("serviceCode"),
                document.getString("serviceName"),
                document.getString("leikaKey"),
                document.getString("providerId"),
                Fields.strings(document, "consumerIds"),
                Fields.enumValue(document, "status", DelegationStatus.class),
                Fields.date(document, "startsOn"),
                Fields.date(document, "endsOn"));
    }

    private static Document encode(CostLine line) {
        return new Document("delegationId", line.delegationId())
                .append("serviceCode", line.serviceCode())
                .append("role", Fields.name(line.role()))
                .append("fiscalYear", line.fiscalYear())
                .append("baseline", Money.format(line.baseline()))
                .append("actual", Money.format(line.actual()))
                .append("revenue", Money.format(line.revenue()));
    }

    private static CostLine costLine(Document document) {
        return new CostLine(
                document.getString("delegationId"),
                document.getString("serviceCode"),
                Fields.enumValue(document, "role", SavingsRole.class),
                Fields.intValue(document, "fiscalYear"),
                Money.parse(document.getString("baseline")),
                Money.parse(document.getString("actual")),
                Money.parse(document.getString("revenue")));
    }
}
