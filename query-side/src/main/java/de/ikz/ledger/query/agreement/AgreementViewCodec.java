package de.ikz.ledger.query.agreement;

import de.ikz.ledger.api.agreement.AgreementStatus;
import de.ikz.ledger.api.agreement.CostKind;
import de.ikz.ledger.api.agreement.DelegationStatus;
import de.ikz.ledger.query.agreement.AgreementView.CostEntry;
import de.ikz.ledger.query.agreement.AgreementView.Delegation;
import de.ikz.ledger.query.agreement.AgreementView.Party;
import de.ikz.ledger.query.money.Money;
import de.ikz.ledger.query.store.Fields;
import de.ikz.ledger.query.store.ViewCodec;
import org.bson.Document;

/** The document of an agreement in the {@code agreements} collection; amounts are strings. */
public final class AgreementViewCodec implements ViewCodec<AgreementView> {

    public static final String COLLECTION = "agreements";
    public static final AgreementViewCodec INSTANCE = new AgreementViewCodec();

    private AgreementViewCodec() {}

    @Override
    public Document encode(AgreementView view) {
        return new Document("id", view.id())
                .append("title", view.title())
                .append("subject", view.subject())
                .append("status", Fields.name(view.status()))
                .append("validFrom", Fields.date(view.validFrom()))
                .append("validUntil", Fields.date(view.validUntil()))
                .append("concludedOn", Fields.date(view.concludedOn()))
                .append("terminatedOn", Fields.date(view.terminatedOn()))
                .append("terminationReason", view.terminationReason())
                .append("draftedAt", Fields.instant(view.draftedAt()))
                .append("lastChangedAt", Fields.instant(view.lastChangedAt()))
                .append(
                        "parties",
                        view.parties().stream().map(AgreementViewCodec::party).toList())
                .append(
                        "delegations",
                        view.delegations().stream()
                                .map(AgreementViewCodec::delegation)
                                .toList())
                .append(
                        "costEntries",
                        view.costEntries().stream()
                                .map(AgreementViewCodec::costEntry)
                                .toList());
    }

    @Override
    public AgreementView decode(Document document) {
        return new AgreementView(
                document.getString("id"),
                document.getString("title"),
                document.getString("subject"),
                Fields.enumValue(document, "status", AgreementStatus.class),
                Fields.date(document, "validFrom"),
                Fields.date(document, "validUntil"),
                Fields.date(document, "concludedOn"),
                Fields.date(document, "terminatedOn"),
                document.getString("terminationReason"),
                Fields.instant(document, "draftedAt"),
                Fields.instant(document, "lastChangedAt"),
                Fields.documents(document, "parties").stream()
                        .map(AgreementViewCodec::party)
                        .toList(),
                Fields.documents(document, "delegations").stream()
                        .map(AgreementViewCodec::delegation)
                        .toList(),
                Fields.documents(document, "costEntries").stream()
                        .map(AgreementViewCodec::costEntry)
                        .toList());
    }

    private static Document party(Party party) {
        return new Document("partnerId", party.partnerId())
                .append("signed", party.signed())
                .append("signatoryName", party.signatoryName())
                .append("signatoryRole", party.signatoryRole())
                .append("signedOn", Fields.date(party.signedOn()));
    }

    private static Party party(Document document) {
        return new Party(
                document.getString("partnerId"),
                document.getBoolean("signed", false),
                document.getString("signatoryName"),
                document.getString("signatoryRole"),
                Fields.date(document, "signedOn"));
    }

    private static Document delegation(Delegation delegation) {
        return new Document("delegationId", delegation.delegationId())
                .append("serviceCode", delegation.serviceCode())
                .append("serviceName", delegation.serviceName())
                .append("leikaKey", delegation.leikaKey())
                .append("providerId", delegation.providerId())
                .append("providerPartyId", delegation.providerPartyId())
                .append("consumerIds", delegation.consumerIds())
                .append("status", Fields.name(delegation.status()))
                .append("startsOn", Fields.date(delegation.startsOn()))
                .append("endsOn", Fields.date(delegation.endsOn()));
    }

    private static Delegation delegation(Document document) {
        return new Delegation(
                document.getString("delegationId"),
                document.getString("serviceCode"),
                document.getString("serviceName"),
                document.getString("leikaKey"),
                document.getString("providerId"),
                document.getString("providerPartyId"),
                Fields.strings(document, "consumerIds"),
                Fields.enumValue(document, "status", DelegationStatus.class),
                Fields.date(document, "startsOn"),
                Fields.date(document, "endsOn"));
    }

    private static Document costEntry(CostEntry entry) {
        return new Document("entryId", entry.entryId())
                .append("delegationId", entry.delegationId())
                .append("partnerId", entry.partnerId())
                .append("fiscalYear", entry.fiscalYear())
                .append("kind", Fields.name(entry.kind()))
                .append("amount", Money.format(entry.amount()))
                .append("description", entry.description())
                .append("reversed", entry.reversed())
                .append("reversalReason", entry.reversalReason());
    }

    private static CostEntry costEntry(Document document) {
        return new CostEntry(
                document.getString("entryId"),
                document.getString("delegationId"),
                document.getString("partnerId"),
                Fields.intValue(document, "fiscalYear"),
                Fields.enumValue(document, "kind", CostKind.class),
                Money.parse(document.getString("amount")),
                document.getString("description"),
                document.getBoolean("reversed", false),
                document.getString("reversalReason"));
    }
}
