package de.ikz.ledger.command.agreement;

import java.time.LocalDate;

/** A party of the agreement and whether it has signed. */
record Party(String partnerId, LocalDate signedOn) {

    static Party unsigned(String partnerId) {
        return new Party(partnerId, null);
    }

    boolean hasSigned() {
        return signedOn != null;
    }

    Party signedOn(LocalDate date) {
        return new Party(partnerId, date);
    }
}
