package de.ikz.ledger.app;

import de.ikz.ledger.command.http.HttpApi;
import de.ikz.ledger.command.http.HttpApi.Reply;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Partners and agreements the reliability tests start from, recorded through the HTTP API with the
 * local demo accounts, and what they check in the event store.
 */
final class ReliabilityFixtures {

    static final String ADMIN = "admin:admin-local";
    static final String MANAGER = "manager:manager-local";
    static final String AUDITOR = "auditor:auditor-local";
    static final String CITY = "saarbruecken:saarbruecken-local";
    static final String DISTRICT = "saarpfalz-kreis:saarpfalz-kreis-local";

    private ReliabilityFixtures() {}

    /** Saarbrücken with its operating unit IKS, the Saarpfalz-Kreis and Homburg, unless they are registered. */
    static void partners(HttpApi api) {
        register(api, "{\"id\":\"saarbruecken\",\"name\":\"Landeshauptstadt Saarbrücken\",\"kind\":\"MUNICIPALITY\"}");
        register(api, "{\"id\":\"iks\",\"name\":\"IKS\",\"kind\":\"OPERATING_UNIT\",\"parentId\":\"saarbruecken\"}");
        register(api, "{\"id\":\"saarpfalz-kreis\",\"name\":\"Saarpfalz-Kreis\",\"kind\":\"DISTRICT\"}");
        register(api, "{\"id\":\"homburg\",\"name\":\"Kreisstadt Homburg\",\"kind\":\"MUNICIPALITY\"}");
    }

    private static void register(HttpApi api, String partner) {
        Reply reply = api.as(ADMIN).post("/api/partners", partner);
        if (reply.status() != 201 && !"PARTNER_ALREADY_EXISTS".equals(reply.code())) {
            throw new AssertionError("could not register " + partner + ": " + reply);
        }
    }

    /** An agreement between the parties, signed by all of them. */
    static void agreementInForce(HttpApi api, String id, String... parties) {
        agreementDraft(api, id, parties);
        for (String party : parties) {
            ok(
                    api.as(ADMIN)
                            .post(
                                    "/api/agreements/" + id + "/signatures",
                                    "{\"partnerId\":\"" + party
                                            + "\",\"signatoryName\":\"N\",\"signatoryRole\":\"R\",\"signedOn\":\"2014-05-22\"}"));
        }
    }

    static void agreementDraft(HttpApi api, String id, String... parties) {
        String partyIds = List.of(parties).stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(","));
        created(api.as(ADMIN)
                .post(
                        "/api/agreements",
                        "{\"id\":\"" + id + "\",\"title\":\"Kooperation " + id + "\",\"subject\":\"IT\",\"partyIds\":["
                                + partyIds + "],\"validFrom\":\"2014-01-01\"}"));
    }

    /** A delegation that started on 2014-01-01. */
    static void runningDelegation(HttpApi api, String agreement, String id, String provider, String consumer) {
        created(api.as(ADMIN)
                .post(
                        "/api/agreements/" + agreement + "/delegations",
                        "{\"id\":\"" + id + "\",\"serviceCode\":\"" + id + "\",\"serviceName\":\"Dienst " + id
                                + "\",\"providerId\":\"" + provider + "\",\"consumerIds\":[\"" + consumer
                                + "\"],\"startsOn\":\"2014-01-01\"}"));
    }

    static String costEntry(String id, String partner, String amount) {
        return "{" + (id == null ? "" : "\"id\":\"" + id + "\",") + "\"partnerId\":\"" + partner
                + "\",\"fiscalYear\":2014,\"kind\":\"BASELINE\",\"amount\":\"" + amount + "\"}";
    }

    static Reply created(Reply reply) {
        return expect(reply, 201);
    }

    static Reply ok(Reply reply) {
        return expect(reply, 200);
    }

    static Reply expect(Reply reply, int status) {
        if (reply.status() != status) {
            throw new AssertionError("expected " + status + " but got " + reply);
        }
        return reply;
    }

    /** Events in the store and the highest position. */
    record StoreState(long events, long head) {}

    static StoreState storeState(JdbcTemplate jdbc) {
        return jdbc.queryForObject(
                "SELECT COUNT(*), COALESCE(MAX(globalIndex), -1) FROM DomainEventEntry",
                (rs, i) -> new StoreState(rs.getLong(1), rs.getLong(2)));
    }

    /** Sequence numbers used twice in a stream: must be none. */
    static List<String> duplicateSequences(JdbcTemplate jdbc) {
        return jdbc.query(
                "SELECT aggregateIdentifier, sequenceNumber, COUNT(*) FROM DomainEventEntry"
                        + " GROUP BY aggregateIdentifier, sequenceNumber HAVING COUNT(*) > 1",
                (rs, i) -> rs.getString(1) + "#" + rs.getLong(2) + " x" + rs.getLong(3));
    }

    /** Streams whose sequence numbers do not run 0, 1, 2, ... without a gap: must be none. */
    static Map<String, String> gappedStreams(JdbcTemplate jdbc) {
        Map<String, String> gapped = new TreeMap<>();
        jdbc.query(
                "SELECT aggregateIdentifier, MIN(sequenceNumber), MAX(sequenceNumber), COUNT(*) FROM DomainEventEntry"
                        + " GROUP BY aggregateIdentifier",
                rs -> {
                    long min = rs.getLong(2);
                    long max = rs.getLong(3);
                    long count = rs.getLong(4);
                    if (min != 0 || max != count - 1) {
                        gapped.put(rs.getString(1), "min " + min + ", max " + max + ", count " + count);
                    }
                });
        return gapped;
    }
}
