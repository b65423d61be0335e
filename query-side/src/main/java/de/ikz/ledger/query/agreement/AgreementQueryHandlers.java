package de.ikz.ledger.query.agreement;

import de.ikz.ledger.api.query.AgreementDetails;
import de.ikz.ledger.api.query.AgreementList;
import de.ikz.ledger.api.query.AgreementSummary;
import de.ikz.ledger.api.query.FindAgreement;
import de.ikz.ledger.api.query.ListAgreements;
import de.ikz.ledger.query.agreement.AgreementView.CostEntry;
import de.ikz.ledger.query.agreement.AgreementView.Delegation;
import de.ikz.ledger.query.agreement.AgreementView.Party;
import de.ikz.ledger.query.history.ViewSources;
import de.ikz.ledger.query.money.Money;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers agreement queries from the {@code agreements} collection. */
@Component
class AgreementQueryHandlers {

    private final ViewSources sources;

    AgreementQueryHandlers(ViewSources sources) {
        this.sources = sources;
    }

    @QueryHandler
    Optional<AgreementDetails> handle(FindAgreement query) {
        return sources.at(query.asOf(), query.on())
                .agreement(query.agreementId())
                .map(AgreementQueryHandlers::details);
    }

    @QueryHandler
    AgreementList handle(ListAgreements query) {
        return new AgreementList(sources.at(query.asOf(), query.on()).agreements().stream()
                .map(AgreementQueryHandlers::summary)
                .toList());
    }

    static AgreementDetails details(AgreementView view) {
        return new AgreementDetails(
                view.id(),
                view.title(),
                view.subject(),
                view.status(),
                view.validFrom(),
                view.validUntil(),
                view.concludedOn(),
                view.terminatedOn(),
                view.terminationReason(),
                view.draftedAt(),
                view.lastChangedAt(),
                view.parties().stream().map(AgreementQueryHandlers::party).toList(),
                view.delegations().stream()
                        .map(AgreementQueryHandlers::delegation)
                        .toList(),
                view.costEntries().stream()
                        .map(AgreementQueryHandlers::costEntry)
                        .toList());
    }

    static AgreementSummary summary(AgreementView view) {
        return new AgreementSummary(
                view.id(),
                view.title(),
                view.subject(),
                view.status(),
                view.validFrom(),
                view.validUntil(),
                view.concludedOn(),
                view.terminatedOn(),
                view.parties().stream().map(AgreementQueryHandlers::party).toList(),
                view.delegations().stream()
                        .map(AgreementQueryHandlers::delegation)
                        .toList());
    }

    private static AgreementDetails.Party party(Party party) {
        return new AgreementDetails.Party(
                party.partnerId(), party.signed(), party.signatoryName(), party.signatoryRole(), party.signedOn());
    }

    private static AgreementDetails.Delegation delegation(Delegation d) {
        return new AgreementDetails.Delegation(
                d.delegationId(),
                d.serviceCode(),
                d.serviceName(),
                d.leikaKey(),
                d.providerId(),
                d.providerPartyId(),
                d.consumerIds(),
                d.status(),
                d.startsOn(),
                d.endsOn());
    }

    private static AgreementDetails.CostEntry costEntry(CostEntry entry) {
        return new AgreementDetails.CostEntry(
                entry.entryId(),
                entry.delegationId(),
                entry.partnerId(),
                entry.fiscalYear(),
                entry.kind(),
                Money.format(entry.amount()),
                entry.description(),
                entry.reversed(),
                entry.reversalReason());
    }
}
