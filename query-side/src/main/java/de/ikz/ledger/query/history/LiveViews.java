package de.ikz.ledger.query.history;

import de.ikz.ledger.query.agreement.AgreementView;
import de.ikz.ledger.query.agreement.AgreementViews;
import de.ikz.ledger.query.ledger.PartnerContribution;
import de.ikz.ledger.query.ledger.PartnerLedgers;
import de.ikz.ledger.query.partner.PartnerView;
import de.ikz.ledger.query.partner.PartnerViews;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The stored views, kept up to date by the projections: direct {@code _id} lookups. */
@Component
class LiveViews implements ViewSource {

    private final PartnerViews partners;
    private final AgreementViews agreements;
    private final PartnerLedgers ledgers;

    LiveViews(PartnerViews partners, AgreementViews agreements, PartnerLedgers ledgers) {
        this.partners = partners;
        this.agreements = agreements;
        this.ledgers = ledgers;
    }

    @Override
    public Optional<PartnerView> partner(String partnerId) {
        return partners.find(partnerId);
    }

    @Override
    public List<PartnerView> partners() {
        return partners.findAll();
    }

    @Override
    public Optional<AgreementView> agreement(String agreementId) {
        return agreements.find(agreementId);
    }

    @Override
    public List<AgreementView> agreements() {
        return agreements.findAll();
    }

    @Override
    public List<PartnerContribution> contributions(String partnerId) {
        return ledgers.find(partnerId);
    }

    @Override
    public Map<String, List<PartnerContribution>> allContributions() {
        return ledgers.findAll();
    }
}
