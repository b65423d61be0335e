package de.ikz.ledger.platform.web;

import de.ikz.ledger.api.ErrorCode;

/** A problem the web layer answers directly (unknown resource, role mismatch), with its stable code. */
public class LedgerProblemException extends RuntimeException {
    private final ErrorCode code;

    public LedgerProblemException(ErrorCode code, String detail) {
        super(detail == null ? code.defaultMessage() : detail);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
