package de.ikz.ledger.query.partner;

import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.api.query.FindPartner;
import de.ikz.ledger.api.query.ListPartners;
import de.ikz.ledger.api.query.PartnerList;
import de.ikz.ledger.api.query.PartnerSummary;
import de.ikz.ledger.platform.web.LedgerProblemException;
import de.ikz.ledger.query.web.Answers;
import java.time.Instant;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/partners} and {@code GET /api/partners/{id}}. */
@RestController
@RequestMapping("/api/partners")
class PartnerQueryController {

    private final QueryGateway queries;

    PartnerQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    PartnerList list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        return Answers.of(queries.query(new ListPartners(asOf), ResponseTypes.instanceOf(PartnerList.class)));
    }

    @GetMapping("/{id}")
    PartnerSummary find(
            @PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        return Answers.of(queries.query(
                        new FindPartner(id, asOf), ResponseTypes.optionalInstanceOf(PartnerSummary.class)))
                .orElseThrow(() -> new LedgerProblemException(ErrorCode.PARTNER_NOT_FOUND, "No partner " + id + "."));
    }
}
