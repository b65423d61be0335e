package de.ikz.ledger.query.agreement;

import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.api.query.AgreementDetails;
import de.ikz.ledger.api.query.AgreementList;
import de.ikz.ledger.api.query.FindAgreement;
import de.ikz.ledger.api.query.ListAgreements;
import de.ikz.ledger.platform.web.LedgerProblemException;
import de.ikz.ledger.query.web.Answers;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/agreements} and {@code GET /api/agreements/{id}}. */
@RestController
@RequestMapping("/api/agreements")
class AgreementQueryController {

    private final QueryGateway queries;

    AgreementQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    AgreementList list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return Answers.of(queries.query(new ListAgreements(asOf, on), ResponseTypes.instanceOf(AgreementList.class)));
    }

    @GetMapping("/{id}")
    AgreementDetails find(
            @PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return Answers.of(queries.query(
                        new FindAgreement(id, asOf, on), ResponseTypes.optionalInstanceOf(AgreementDetails.class)))
                .orElseThrow(
                        () -> new LedgerProblemException(ErrorCode.AGREEMENT_NOT_FOUND, "No agreement " + id + "."));
    }
}
