package de.ikz.ledger.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.api.query.AgreementHistory;
import de.ikz.ledger.api.query.AuditPage;
import de.ikz.ledger.platform.web.LedgerProblemException;
import de.ikz.ledger.query.audit.AuditLog.AuditFilter;
import de.ikz.ledger.query.audit.Verification.VerificationReport;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What auditors read: histories, the audit log (JSON or CSV) and verifications. */
@RestController
class AuditController {

    static final String CSV = "text/csv";

    private final AuditLog log;
    private final Verification verification;
    private final ObjectMapper json;

    AuditController(AuditLog log, Verification verification, ObjectMapper json) {
        this.log = log;
        this.verification = verification;
        this.json = json;
    }

    private static final java.util.regex.Pattern PARTNER_ID =
            java.util.regex.Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");

    @GetMapping("/api/agreements/{id}/history")
    AgreementHistory history(
            @PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        return log.history(id, asOf);
    }

    @GetMapping(path = "/api/audit/events", produces = MediaType.APPLICATION_JSON_VALUE)
    AuditPage events(
            @RequestParam(required = false) String partnerId,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new LedgerProblemException(ErrorCode.INVALID_PARAMETER, "limit must be between 1 and 1000.");
        }
        if (partnerId != null && !PARTNER_ID.matcher(partnerId).matches()) {
            throw new LedgerProblemException(ErrorCode.INVALID_PARAMETER, "partnerId is not a partner id.");
        }
        return log.page(new AuditFilter(partnerId, types(type), from, to), cursor(cursor), limit);
    }

    /** The same rows as the JSON answer; the next page's cursor is in the {@code X-Next-Cursor} header. */
    @GetMapping(path = "/api/audit/events", produces = CSV)
    ResponseEntity<String> eventsAsCsv(
            @RequestParam(required = false) String partnerId,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "100") int limit) {
        AuditPage page = events(partnerId, type, from, to, cursor, limit);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CSV + ";charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"audit-events.csv\"");
        if (page.next() != null) {
            answer.header("X-Next-Cursor", page.next());
        }
        return answer.body(AuditCsv.write(page.items(), json));
    }

    @PostMapping("/api/audit/verifications")
    VerificationReport verify() {
        return verification.run();
    }

    private static Set<String> types(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        Set<String> types = new LinkedHashSet<>(Arrays.asList(type.split(",")));
        types.removeIf(String::isBlank);
        for (String name : types) {
            if (!EventTypes.ALL.contains(name)) {
                throw new LedgerProblemException(ErrorCode.INVALID_PARAMETER, "Unknown event type '" + name + "'.");
            }
        }
        return types;
    }

    private static long cursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return -1;
        }
        try {
            long position = Long.parseLong(cursor);
            if (position < -1) {
                throw new NumberFormatException();
            }
            return position;
        } catch (NumberFormatException e) {
            throw new LedgerProblemException(ErrorCode.INVALID_PARAMETER, "cursor is not one this service gave.");
        }
    }
}
