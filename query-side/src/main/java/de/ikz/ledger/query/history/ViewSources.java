package de.ikz.ledger.query.history;

import de.ikz.ledger.query.agreement.AgreementViews;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Chooses the views a query is answered from: live, or as recorded at an instant and on a date. */
@Component
public class ViewSources {

    private final EventStore eventStore;
    private final LiveViews live;
    private final AgreementViews agreements;

    ViewSources(EventStore eventStore, LiveViews live, AgreementViews agreements) {
        this.eventStore = eventStore;
        this.live = live;
        this.agreements = agreements;
    }

    public ViewSource live() {
        return live;
    }

    /** The live views when both are {@code null}; otherwise views folded from the event store. */
    public ViewSource at(Instant asOf, LocalDate on) {
        return asOf == null && on == null
                ? live
                : new HistoricViews(eventStore, agreements.checkpoints(), live, asOf, on);
    }
}
