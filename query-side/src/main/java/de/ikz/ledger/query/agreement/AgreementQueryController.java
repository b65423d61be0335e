package de.ikz.ledger.query.agreement;

import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.api.query.AgreementDetails;
import de.ikz.ledger.api.query.AgreementList;
import de.ikz.ledger.api.query.AgreementSummary;
import de.ikz.ledger.api.query.FindAgreement;
import de.ikz.ledger.api.query.ListAgreements;
import de.ikz.ledger.platform.security.Actor;
import de.ikz.ledger.platform.web.LedgerProblemException;
import de.ikz.ledger.query.web.Answers;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/agreements} and {@code GET /api/agreements/{id}}. A partner account sees only the
 * agreements its partner is a party to: the list leaves the others out, and one of them asked for
 * by id is answered with {@code 403 ACTOR_NOT_A_PARTY}, as a command on it would be.
 */
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
        Actor actor = Actor.current();
        AgreementList all =
                Answers.of(queries.query(new ListAgreements(asOf, on), ResponseTypes.instanceOf(AgreementList.class)));
        if (!actor.isPartner()) {
            return all;
        }
        return new AgreementList(all.items().stream()
                .filter(agreement -> actor.mayRead(partiesOf(agreement)))
                .toList());
    }

    @GetMapping("/{id}")
    AgreementDetails find(
            @PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        Actor actor = Actor.current();
        AgreementDetails details = Answers.of(queries.query(
                        new FindAgreement(id, asOf, on), ResponseTypes.optionalInstanceOf(AgreementDetails.class)))
                .orElseThrow(
                        () -> new LedgerProblemException(ErrorCode.AGREEMENT_NOT_FOUND, "No agreement " + id + "."));
        if (!actor.mayRead(details.parties().stream()
                .map(AgreementDetails.Party::partnerId)
                .toList())) {
            throw new LedgerProblemException(
                    ErrorCode.ACTOR_NOT_A_PARTY,
                    "Partner " + actor.partnerId() + " is not a party to agreement " + id + ".");
        }
        return details;
    }

    private static List<String> partiesOf(AgreementSummary agreement) {
        return agreement.parties().stream()
                .map(AgreementDetails.Party::partnerId)
                .toList();
    }
}
