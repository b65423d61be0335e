package de.ikz.ledger.platform.web;

import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.platform.web.Problems.FieldError;
import java.util.List;

/** A problem the web layer answers directly (unknown resource, role mismatch), with its stable code. */
public class LedgerProblemException extends RuntimeException {
    private final ErrorCode code;
    private final List<FieldError> errors;

    public LedgerProblemException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    private LedgerProblemException(ErrorCode code, String detail, List<FieldError> errors) {
        super(detail == null ? code.defaultMessage() : detail, null, false, false);
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    /** A {@code 400 INVALID_REQUEST} naming one offending field. */
    public static LedgerProblemException invalidField(String field, String message) {
        return new LedgerProblemException(
                ErrorCode.INVALID_REQUEST,
                ErrorCode.INVALID_REQUEST.defaultMessage(),
                List.of(new FieldError(field, message)));
    }

    public ErrorCode code() {
        return code;
    }

    /** The offending fields, if the problem is about particular fields. */
    public List<FieldError> errors() {
        return errors;
    }
}
