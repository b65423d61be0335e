package de.ikz.ledger.query.ledger;

import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.api.query.FindPartnerSavings;
import de.ikz.ledger.api.query.FindPartnerServices;
import de.ikz.ledger.api.query.FindSavingsTotals;
import de.ikz.ledger.api.query.FindServiceMatrix;
import de.ikz.ledger.api.query.PartnerSavings;
import de.ikz.ledger.api.query.PartnerServices;
import de.ikz.ledger.api.query.SavingsTotals;
import de.ikz.ledger.api.query.ServiceMatrix;
import de.ikz.ledger.platform.security.Actor;
import de.ikz.ledger.platform.web.LedgerProblemException;
import de.ikz.ledger.query.web.Answers;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

/**
 * A partner's services and savings, and the management views: {@code GET
 * /api/partners/{id}/services}, {@code GET /api/partners/{id}/savings?fiscalYear=}, {@code GET
 * /api/savings?fiscalYear=} and {@code GET /api/service-matrix}. Without {@code fiscalYear} the
 * savings cover every fiscal year. A partner account reads only its own partner's services and
 * savings ({@code 403 ACTOR_READS_OTHER_PARTNER}).
 */
@RestController
@RequestMapping("/api")
class LedgerQueryController {

    private final QueryGateway queries;

    LedgerQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/partners/{id}/services")
    PartnerServices services(
            @PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        Actor.current().requireReads(id);
        return Answers.of(queries.query(
                        new FindPartnerServices(id, asOf, on), ResponseTypes.optionalInstanceOf(PartnerServices.class)))
                .orElseThrow(() -> partnerNotFound(id));
    }

    @GetMapping("/partners/{id}/savings")
    PartnerSavings savings(
            @PathVariable String id,
            @RequestParam(required = false) @Min(1000) @Max(9999) Integer fiscalYear,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        Actor.current().requireReads(id);
        return Answers.of(queries.query(
                        new FindPartnerSavings(id, fiscalYear, asOf),
                        ResponseTypes.optionalInstanceOf(PartnerSavings.class)))
                .orElseThrow(() -> partnerNotFound(id));
    }

    @GetMapping("/savings")
    SavingsTotals totals(
            @RequestParam(required = false) @Min(1000) @Max(9999) Integer fiscalYear,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        return Answers.of(
                queries.query(new FindSavingsTotals(fiscalYear, asOf), ResponseTypes.instanceOf(SavingsTotals.class)));
    }

    @GetMapping("/service-matrix")
    ServiceMatrix serviceMatrix(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return Answers.of(
                queries.query(new FindServiceMatrix(asOf, on), ResponseTypes.instanceOf(ServiceMatrix.class)));
    }

    private static LedgerProblemException partnerNotFound(String id) {
        return new LedgerProblemException(ErrorCode.PARTNER_NOT_FOUND, "No partner " + id + ".");
    }
}
