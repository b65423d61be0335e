package de.ikz.ledger.query.history;

import de.ikz.ledger.query.agreement.AgreementView;
import de.ikz.ledger.query.ledger.PartnerContribution;
import de.ikz.ledger.query.partner.PartnerView;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the query handlers take their views from: the stored live views, or views folded from
 * the event store as they were recorded at an instant (and on a business date). Every answer is
 * computed from these by the same code either way.
 */
public interface ViewSource {

    Optional<PartnerView> partner(String partnerId);

    /** Every partner, ordered by id. */
    List<PartnerView> partners();

    Optional<AgreementView> agreement(String agreementId);

    /** Every agreement, ordered by id. */
    List<AgreementView> agreements();

    /** The contributions of every agreement to one partner, ordered by agreement id. */
    List<PartnerContribution> contributions(String partnerId);

    /** The contributions to every partner, ordered by partner id and then agreement id. */
    Map<String, List<PartnerContribution>> allContributions();
}
