package de.ikz.ledger.platform.web;

import de.ikz.ledger.api.ErrorCode;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details that always carry a stable {@code code}. */
public final class Problems {

    /** Where the message catalogue documents each code. */
    public static final String TYPE_BASE = "https://ikz-ledger.example/problems/";

    private Problems() {}

    public static ProblemDetail of(ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.valueOf(code.httpStatus()), detail == null ? code.defaultMessage() : detail);
        problem.setType(URI.create(TYPE_BASE + code.name().toLowerCase().replace('_', '-')));
        problem.setTitle(titleOf(code));
        problem.setProperty("code", code.name());
        return problem;
    }

    /** A 400 problem listing every offending field with what is wrong with it. */
    public static ProblemDetail invalid(ErrorCode code, List<FieldError> errors) {
        ProblemDetail problem = of(code, code.defaultMessage());
        problem.setProperty("errors", errors);
        return problem;
    }

    static String titleOf(ErrorCode code) {
        String words = code.name().toLowerCase().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** One offending field: its JSON path and what is wrong with it. */
    public record FieldError(String field, String message) {}
}
