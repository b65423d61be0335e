package de.ikz.ledger.query.history;

import de.ikz.ledger.api.agreement.AgreementConcluded;
import de.ikz.ledger.api.agreement.AgreementEvent;
import de.ikz.ledger.api.agreement.AgreementSigned;
import de.ikz.ledger.api.agreement.AgreementTerminated;
import de.ikz.ledger.api.agreement.DelegationEnded;
import de.ikz.ledger.api.agreement.DelegationResumed;
import de.ikz.ledger.api.agreement.DelegationStarted;
import de.ikz.ledger.api.agreement.DelegationSuspended;
import java.time.LocalDate;

/**
 * The state on a business date: the facts whose business date lies after it (a signature, a
 * start, a suspension, an end, a termination) have not happened yet on that date, whenever they
 * were recorded. Everything else (drafts, delegations, amendments, cost entries) counts as
 * recorded.
 */
final class BusinessDates {

    private BusinessDates() {}

    /** Whether {@code event} has taken effect on {@code day}; every event has when {@code day} is null. */
    static boolean inEffect(AgreementEvent event, LocalDate day) {
        if (day == null) {
            return true;
        }
        LocalDate effective = effectiveOn(event);
        return effective == null || !effective.isAfter(day);
    }

    private static LocalDate effectiveOn(AgreementEvent event) {
        if (event instanceof AgreementSigned e) {
            return e.signedOn();
        } else if (event instanceof AgreementConcluded e) {
            return e.concludedOn();
        } else if (event instanceof AgreementTerminated e) {
            return e.effectiveOn();
        } else if (event instanceof DelegationStarted e) {
            return e.startsOn();
        } else if (event instanceof DelegationSuspended e) {
            return e.on();
        } else if (event instanceof DelegationResumed e) {
            return e.on();
        } else if (event instanceof DelegationEnded e) {
            return e.on();
        }
        return null;
    }
}
