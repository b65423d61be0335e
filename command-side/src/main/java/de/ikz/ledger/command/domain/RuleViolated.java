package de.ikz.ledger.command.domain;

import de.ikz.ledger.api.ErrorCode;

/** A command was refused because it would break a business rule; carries the rule's stable code. */
public class RuleViolated extends RuntimeException {
    private final ErrorCode code;

    public RuleViolated(ErrorCode code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
