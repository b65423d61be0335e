package de.ikz.ledger.query.replay;

import de.ikz.ledger.api.agreement.AgreementEvent;
import de.ikz.ledger.api.partner.PartnerEvent;
import de.ikz.ledger.query.agreement.AgreementCheckpoints;
import de.ikz.ledger.query.agreement.AgreementView;
import de.ikz.ledger.query.ledger.PartnerContribution;
import de.ikz.ledger.query.partner.PartnerView;
import de.ikz.ledger.query.store.Versioned;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every view folded in memory from the events, with the same pure folds the projections use: what
 * a rebuild writes and what a verification compares the stored views with.
 */
public final class ReplayedViews {

    private final Map<String, Versioned<PartnerView>> partners = new TreeMap<>();
    private final Map<String, Versioned<AgreementView>> agreements = new TreeMap<>();
    private final List<Checkpoint> checkpoints = new ArrayList<>();
    private final int checkpointInterval;
    private long position = -1;
    private long events;

    /** Views folded from nothing, with a checkpoint of an agreement after every {@code checkpointInterval}-th event. */
    public ReplayedViews(int checkpointInterval) {
        this.checkpointInterval = checkpointInterval;
    }

    /** Folds one event of a stream in. */
    public void apply(Object event, long sequence, Instant recordedAt, long position) {
        this.position = Math.max(this.position, position);
        events++;
        if (event instanceof PartnerEvent partnerEvent) {
            Versioned<PartnerView> current = partners.get(partnerEvent.partnerId());
            if (current != null && current.sequence() >= sequence) {
                return;
            }
            PartnerView next = PartnerView.fold(current == null ? null : current.view(), partnerEvent, recordedAt);
            if (next != null) {
                partners.put(partnerEvent.partnerId(), new Versioned<>(next, sequence));
            }
        } else if (event instanceof AgreementEvent agreementEvent) {
            Versioned<AgreementView> current = agreements.get(agreementEvent.agreementId());
            if (current != null && current.sequence() >= sequence) {
                return;
            }
            AgreementView next =
                    AgreementView.fold(current == null ? null : current.view(), agreementEvent, recordedAt);
            if (next != null) {
                Versioned<AgreementView> versioned = new Versioned<>(next, sequence);
                agreements.put(agreementEvent.agreementId(), versioned);
                if (AgreementCheckpoints.isDue(sequence, checkpointInterval)) {
                    checkpoints.add(new Checkpoint(versioned, recordedAt));
                }
            }
        }
    }

    public Map<String, Versioned<PartnerView>> partners() {
        return partners;
    }

    public Map<String, Versioned<AgreementView>> agreements() {
        return agreements;
    }

    /** The checkpoints of long agreements, in the order of their events. */
    public List<Checkpoint> checkpoints() {
        return checkpoints;
    }

    /** An agreement's view after one of its events, and when that event was recorded. */
    public record Checkpoint(Versioned<AgreementView> view, Instant recordedAt) {}

    /** Each partner's contributions, ordered by partner and agreement, as the ledgers hold them. */
    public Map<String, List<PartnerContribution>> ledgers() {
        Map<String, List<PartnerContribution>> ledgers = new TreeMap<>();
        for (Versioned<AgreementView> agreement : agreements.values()) {
            PartnerContribution.of(agreement.view(), agreement.sequence())
                    .forEach((partnerId, contribution) -> ledgers.computeIfAbsent(partnerId, id -> new ArrayList<>())
                            .add(contribution));
        }
        return ledgers;
    }

    /** The position of the last event folded in, or -1. */
    public long position() {
        return position;
    }

    public long events() {
        return events;
    }
}
