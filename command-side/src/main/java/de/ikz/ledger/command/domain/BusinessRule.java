package de.ikz.ledger.command.domain;

import de.ikz.ledger.api.ErrorCode;

/** One named business rule: it knows when it is broken and which stable code says so. */
public interface BusinessRule {

    boolean isBroken();

    ErrorCode code();

    default String detail() {
        return code().defaultMessage();
    }

    /** Throws {@link RuleViolated} when the rule is broken. */
    default void verify() {
        if (isBroken()) {
            throw new RuleViolated(code(), detail());
        }
    }
}
