package de.ikz.ledger.query.audit;

import de.ikz.ledger.api.agreement.AgreementEvent;
import de.ikz.ledger.api.agreement.DelegationEvent;
import de.ikz.ledger.api.partner.PartnerEvent;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The simple names of every event of the published language. */
final class EventTypes {

    static final Set<String> ALL = names();

    private EventTypes() {}

    private static Set<String> names() {
        Set<String> names = new TreeSet<>();
        Stream.of(PartnerEvent.class, AgreementEvent.class, DelegationEvent.class)
                .flatMap(type -> Stream.of(type.getPermittedSubclasses()))
                .filter(Class::isRecord)
                .forEach(type -> names.add(type.getSimpleName()));
        return Set.copyOf(names);
    }
}
