package de.ikz.ledger.benchmarks.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ikz.ledger.api.agreement.AmendAgreement;
import de.ikz.ledger.api.agreement.DelegateService;
import de.ikz.ledger.api.agreement.DraftAgreement;
import de.ikz.ledger.api.agreement.RecordCostEntry;
import de.ikz.ledger.api.agreement.ResumeDelegation;
import de.ikz.ledger.api.agreement.ReverseCostEntry;
import de.ikz.ledger.api.agreement.SignAgreement;
import de.ikz.ledger.api.agreement.StartDelegation;
import de.ikz.ledger.api.agreement.SuspendDelegation;
import de.ikz.ledger.api.agreement.TerminateAgreement;
import de.ikz.ledger.api.partner.RegisterPartner;
import de.ikz.ledger.benchmarks.apps.NoOpEndpoint;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends commands as the HTTP API's requests. With {@link #noOp} every request goes, with the same
 * body, to the benchmark's no-op endpoint of the same server instead.
 */
public final class HttpCommands implements CommandPort {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LedgerHttp http;
    private final boolean noOp;

    private HttpCommands(LedgerHttp http, boolean noOp) {
        this.http = http;
        this.noOp = noOp;
    }

    /** The real command endpoints. */
    public static HttpCommands of(LedgerHttp http) {
        return new HttpCommands(http, false);
    }

    /** The same requests, answered by the no-op endpoint. */
    public static HttpCommands noOp(LedgerHttp http) {
        return new HttpCommands(http, true);
    }

    @Override
    public void send(Object command) {
        Request request = request(command);
        if (noOp) {
            http.send("POST", NoOpEndpoint.PATH, json(request.body())).expect(201);
        } else {
            http.send(request.method(), request.path(), json(request.body())).expect(200, 201, 204);
        }
    }

    /** A command as a request of the HTTP API. */
    record Request(String method, String path, Map<String, Object> body) {
        Request(String path, Map<String, Object> body) {
            this("POST", path, body);
        }
    }

    static Request request(Object command) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (command instanceof RegisterPartner c) {
            body.put("id", c.partnerId());
            body.put("name", c.name());
            body.put("kind", c.kind().name());
            put(body, "officialKey", c.officialKey());
            put(body, "parentId", c.parentId());
            return new Request("/api/partners", body);
        } else if (command instanceof DraftAgreement c) {
            body.put("id", c.agreementId());
            body.put("title", c.title());
            body.put("subject", c.subject());
            body.put("partyIds", c.partyIds());
            body.put("validFrom", date(c.validFrom()));
            put(body, "validUntil", date(c.validUntil()));
            return new Request("/api/agreements", body);
        } else if (command instanceof SignAgreement c) {
            body.put("partnerId", c.partnerId());
            body.put("signatoryName", c.signatoryName());
            body.put("signatoryRole", c.signatoryRole());
            body.put("signedOn", date(c.signedOn()));
            return new Request(agreement(c.agreementId()) + "/signatures", body);
        } else if (command instanceof DelegateService c) {
            body.put("id", c.delegationId());
            body.put("serviceCode", c.serviceCode());
            body.put("serviceName", c.serviceName());
            put(body, "leikaKey", c.leikaKey());
            body.put("providerId", c.providerId());
            body.put("consumerIds", c.consumerIds());
            put(body, "startsOn", date(c.startsOn()));
            return new Request(agreement(c.agreementId()) + "/delegations", body);
        } else if (command instanceof StartDelegation c) {
            body.put("startsOn", date(c.startsOn()));
            return new Request(delegation(c.agreementId(), c.delegationId()) + "/start", body);
        } else if (command instanceof SuspendDelegation c) {
            body.put("on", date(c.on()));
            put(body, "reason", c.reason());
            return new Request(delegation(c.agreementId(), c.delegationId()) + "/suspension", body);
        } else if (command instanceof ResumeDelegation c) {
            body.put("on", date(c.on()));
            put(body, "reason", c.reason());
            return new Request(delegation(c.agreementId(), c.delegationId()) + "/resumption", body);
        } else if (command instanceof RecordCostEntry c) {
            body.put("id", c.entryId());
            body.put("partnerId", c.partnerId());
            body.put("fiscalYear", c.fiscalYear());
            body.put("kind", c.kind().name());
            body.put("amount", c.amount().toPlainString());
            put(body, "description", c.description());
            return new Request(delegation(c.agreementId(), c.delegationId()) + "/cost-entries", body);
        } else if (command instanceof ReverseCostEntry c) {
            body.put("reason", c.reason());
            return new Request(agreement(c.agreementId()) + "/cost-entries/" + c.entryId() + "/reversal", body);
        } else if (command instanceof AmendAgreement c) {
            put(body, "title", c.title());
            put(body, "subject", c.subject());
            put(body, "validUntil", date(c.validUntil()));
            body.put("reason", c.reason());
            return new Request("PATCH", agreement(c.agreementId()), body);
        } else if (command instanceof TerminateAgreement c) {
            body.put("effectiveOn", date(c.effectiveOn()));
            body.put("reason", c.reason());
            return new Request(agreement(c.agreementId()) + "/termination", body);
        }
        throw new IllegalArgumentException(
                "No HTTP request for " + command.getClass().getSimpleName());
    }

    private static String agreement(String id) {
        return "/api/agreements/" + id;
    }

    private static String delegation(String agreementId, String delegationId) {
        return agreement(agreementId) + "/delegations/" + delegationId;
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static void put(Map<String, Object> body, String field, Object value) {
        if (value != null) {
            body.put(field, value);
        }
    }

    private static String json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
