package de.ikz.ledger.app;

import static de.ikz.ledger.app.ReliabilityFixtures.ADMIN;
import static de.ikz.ledger.app.ReliabilityFixtures.AUDITOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ikz.ledger.command.http.HttpApi.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A view that fails on an event parks that event, and the later events of its aggregate, in the
 * persistent dead-letter queue, while the other aggregates' events go on; once the cause is fixed,
 * {@code POST /api/admin/dead-letters/{processingGroup}/retry} processes them.
 */
class ReliabilityDeadLetterTest extends ReliabilityServer {

    static final String POISONED = POISONED_PREFIX + "agreement";
    static final String HEALTHY = "healthy-agreement";

    private JsonNode agreement(String id, String token) {
        var call = api.as(ADMIN);
        if (token != null) {
            call.header("X-Consistency-Token", token);
        }
        Reply reply = call.get("/api/agreements/" + id);
        return reply.status() == 200 ? reply.json() : null;
    }

    /** The position of the newest event: the retried events lie before it, so a query that waits for it sees them. */
    private String retriedToken() {
        return String.valueOf(ReliabilityFixtures.storeState(jdbc).head());
    }

    private static String status(JsonNode agreement) {
        return agreement == null
                ? "(not in the view)"
                : agreement.path("status").asText();
    }

    private List<String> parked() {
        Reply listing = api.as(ADMIN).get("/api/admin/dead-letters");
        assertThat(listing.status()).isEqualTo(200);
        List<String> letters = new ArrayList<>();
        listing.json()
                .path("items")
                .forEach(item -> letters.add(item.path("processingGroup").asText() + ":"
                        + item.path("aggregateId").asText() + "#"
                        + item.path("sequence").asLong() + " "
                        + item.path("type").asText() + " ("
                        + item.path("causeType").asText() + ")"));
        return letters;
    }

    @Test
    void aPoisonEventIsParkedOtherAggregatesGoOnAndARetryAfterTheFixProcessesIt() {
        ReliabilityServer.PoisonedView.POISONED.set(true);
        try {
            ReliabilityFixtures.agreementInForce(api, POISONED, "saarbruecken", "saarpfalz-kreis");
            ReliabilityFixtures.agreementInForce(api, HEALTHY, "saarbruecken", "saarpfalz-kreis");
            String token = ReliabilityFixtures.created(
                            api.as(ADMIN)
                                    .post(
                                            "/api/agreements",
                                            "{\"id\":\"after-the-poison\",\"title\":\"T\",\"subject\":\"S\","
                                                    + "\"partyIds\":[\"saarbruecken\",\"homburg\"],\"validFrom\":\"2014-01-01\"}"))
                    .header("X-Consistency-Token");

            JsonNode healthy = agreement(HEALTHY, token);
            JsonNode poisoned = agreement(POISONED, token);
            List<String> letters = parked();
            System.out.println("while the view fails on " + POISONED + ": " + HEALTHY + " is " + status(healthy)
                    + ", after-the-poison is " + status(agreement("after-the-poison", token)) + ", " + POISONED
                    + " is " + status(poisoned));
            System.out.println("parked: " + letters);
            assertThat(status(healthy)).isEqualTo("IN_FORCE");
            assertThat(agreement("after-the-poison", token)).isNotNull();
            assertThat(status(poisoned)).isNotEqualTo("IN_FORCE");
            assertThat(letters).hasSize(4).allMatch(letter -> letter.startsWith("agreements:" + POISONED + "#"));
            assertThat(letters.get(0)).contains("#0 AgreementDrafted (java.lang.IllegalStateException)");
            assertThat(api.as(AUDITOR).get("/api/admin/dead-letters").code()).isEqualTo("FORBIDDEN");
            assertThat(api.as(AUDITOR)
                            .post("/api/admin/dead-letters/agreements/retry", "{}")
                            .code())
                    .isEqualTo("FORBIDDEN");
            assertThat(api.as(ADMIN)
                            .post("/api/admin/dead-letters/no-such-group/retry", "{}")
                            .code())
                    .isEqualTo("RESOURCE_NOT_FOUND");

            JsonNode stillFailing = api.as(ADMIN)
                    .post("/api/admin/dead-letters/agreements/retry", "{}")
                    .json();
            System.out.println("retry before the fix: " + stillFailing);
            assertThat(stillFailing.path("sequencesProcessed").asInt()).isZero();
            assertThat(stillFailing.path("lettersLeft").asLong()).isEqualTo(4);
        } finally {
            ReliabilityServer.PoisonedView.POISONED.set(false);
        }

        JsonNode retried = api.as(ADMIN)
                .post("/api/admin/dead-letters/agreements/retry", "{}")
                .json();
        System.out.println("retry after the fix: " + retried);
        assertThat(retried.path("sequencesProcessed").asInt()).isEqualTo(1);
        assertThat(retried.path("lettersLeft").asLong()).isZero();
        assertThat(parked()).isEmpty();
        JsonNode recovered = agreement(POISONED, retriedToken());
        System.out.println("after the retry " + POISONED + " is " + status(recovered) + " with "
                + recovered.path("parties").size() + " parties");
        assertThat(status(recovered)).isEqualTo("IN_FORCE");
        JsonNode verification =
                api.as(AUDITOR).post("/api/audit/verifications", "{}").json();
        System.out.println("verification: chainIntact " + verification.path("chainIntact") + ", viewsMatchReplay "
                + verification.path("viewsMatchReplay"));
        assertThat(verification.path("viewsMatchReplay").asBoolean()).isTrue();
    }
}
