package de.ikz.ledger.app;

import static de.ikz.ledger.app.ReliabilityFixtures.ADMIN;
import static de.ikz.ledger.app.ReliabilityFixtures.CITY;
import static de.ikz.ledger.app.ReliabilityFixtures.DISTRICT;
import static org.assertj.core.api.Assertions.assertThat;

import de.ikz.ledger.command.http.HttpApi.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@code Idempotency-Key}: a repeat of a command with the same key and body is answered with the
 * first answer and records nothing; the key with another body is refused with {@code 422
 * IDEMPOTENCY_KEY_REUSED}; concurrent repeats apply the command once. (That keys survive a restart
 * is shown by {@link ReliabilityCrashTest}.)
 */
class ReliabilityIdempotencyTest extends ReliabilityServer {

    static final String DRAFT = "{\"title\":\"Ohne Id\",\"subject\":\"IT\","
            + "\"partyIds\":[\"saarbruecken\",\"saarpfalz-kreis\"],\"validFrom\":\"2014-01-01\"}";

    private long events() {
        return ReliabilityFixtures.storeState(jdbc).events();
    }

    private static String describe(Reply reply) {
        return reply.status() + " Location=" + reply.header("Location") + " token="
                + reply.header("X-Consistency-Token") + " replayed=" + reply.header("Idempotent-Replayed") + " body="
                + reply.body();
    }

    @Test
    void aRepeatWithTheSameKeyAndBodyGetsTheFirstAnswerAndRecordsNothing() {
        long before = events();
        Reply first = api.as(ADMIN).header("Idempotency-Key", "draft-1").post("/api/agreements", DRAFT);
        long afterFirst = events();
        Reply repeat = api.as(ADMIN).header("Idempotency-Key", "draft-1").post("/api/agreements", DRAFT);
        Reply again = api.as(ADMIN).header("Idempotency-Key", "draft-1").post("/api/agreements", DRAFT);
        System.out.println("first:  " + describe(first));
        System.out.println("repeat: " + describe(repeat));
        System.out.println("events: " + before + " before, " + afterFirst + " after the first, " + events()
                + " after two repeats");

        assertThat(first.status()).isEqualTo(201);
        assertThat(afterFirst).isEqualTo(before + 1);
        assertThat(events()).isEqualTo(afterFirst);
        for (Reply replayed : List.of(repeat, again)) {
            assertThat(replayed.status()).isEqualTo(201);
            assertThat(replayed.header("Location")).isEqualTo(first.header("Location"));
            assertThat(replayed.body()).isEqualTo(first.body());
            assertThat(replayed.header("X-Consistency-Token")).isEqualTo(first.header("X-Consistency-Token"));
            assertThat(replayed.header("Content-Type")).isEqualTo(first.header("Content-Type"));
            assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        }

        Reply otherBody = api.as(ADMIN)
                .header("Idempotency-Key", "draft-1")
                .post("/api/agreements", DRAFT.replace("Ohne Id", "Anderer Titel"));
        System.out.println("same key, other body: " + otherBody.status() + " " + otherBody.code());
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        Reply otherPath = api.as(ADMIN)
                .header("Idempotency-Key", "draft-1")
                .patch("/api/partners/homburg", "{\"name\":\"Homburg\"}");
        assertThat(otherPath.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        Reply otherActor = api.as(CITY).header("Idempotency-Key", "draft-1").post("/api/agreements", DRAFT);
        System.out.println("same key, other account: " + describe(otherActor));
        assertThat(otherActor.status())
                .as("keys belong to the account that sent them")
                .isEqualTo(201);
        assertThat(otherActor.header("Location")).isNotEqualTo(first.header("Location"));
        assertThat(events()).isEqualTo(afterFirst + 1);

        Reply badKey = api.as(ADMIN).header("Idempotency-Key", "x".repeat(256)).post("/api/agreements", DRAFT);
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(events()).isEqualTo(afterFirst + 1);
    }

    @Test
    void aRefusedCommandUsesNoKeyAndAKeyedRepeatOfA204IsReplayedToo() {
        ReliabilityFixtures.agreementInForce(api, "keyed", "saarbruecken", "saarpfalz-kreis");
        ReliabilityFixtures.runningDelegation(api, "keyed", "wohngeld", "iks", "saarpfalz-kreis");
        Reply refused = api.as(DISTRICT)
                .header("Idempotency-Key", "entry-1")
                .post(
                        "/api/agreements/keyed/delegations/wohngeld/cost-entries",
                        "{\"partnerId\":\"saarpfalz-kreis\",\"fiscalYear\":2012,\"kind\":\"BASELINE\",\"amount\":\"10.00\"}");
        assertThat(refused.code()).isEqualTo("FISCAL_YEAR_OUTSIDE_DELEGATION");
        Reply corrected = api.as(DISTRICT)
                .header("Idempotency-Key", "entry-1")
                .post(
                        "/api/agreements/keyed/delegations/wohngeld/cost-entries",
                        "{\"partnerId\":\"saarpfalz-kreis\",\"fiscalYear\":2014,\"kind\":\"BASELINE\",\"amount\":\"10.00\"}");
        System.out.println("refused with the key: " + refused.status() + " " + refused.code()
                + "; corrected with the same key: " + describe(corrected));
        assertThat(corrected.status()).isEqualTo(201);

        long before = events();
        Reply suspended = api.as(ADMIN)
                .header("Idempotency-Key", "suspend-1")
                .post("/api/agreements/keyed/delegations/wohngeld/suspension", "{\"on\":\"2015-01-01\"}");
        Reply repeated = api.as(ADMIN)
                .header("Idempotency-Key", "suspend-1")
                .post("/api/agreements/keyed/delegations/wohngeld/suspension", "{\"on\":\"2015-01-01\"}");
        Reply unkeyed =
                api.as(ADMIN).post("/api/agreements/keyed/delegations/wohngeld/suspension", "{\"on\":\"2015-01-01\"}");
        System.out.println(
                "suspension: " + describe(suspended) + " ETag " + suspended.header("ETag") + "; keyed repeat: "
                        + describe(repeated) + " ETag " + repeated.header("ETag") + "; unkeyed repeat: "
                        + unkeyed.status() + " "
                        + unkeyed.code());
        assertThat(suspended.status()).isEqualTo(204);
        assertThat(repeated.status()).isEqualTo(204);
        assertThat(repeated.header("ETag")).isEqualTo(suspended.header("ETag"));
        assertThat(unkeyed.code()).isEqualTo("DELEGATION_NOT_ACTIVE");
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    void twentyConcurrentRepeatsApplyTheCommandOnce() throws Exception {
        ReliabilityFixtures.agreementInForce(api, "keyed-race", "saarbruecken", "saarpfalz-kreis");
        ReliabilityFixtures.runningDelegation(api, "keyed-race", "wohngeld", "iks", "saarpfalz-kreis");
        long before = events();
        ExecutorService threads = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                replies.add(threads.submit(() -> {
                    start.await();
                    // no entry id: without the key every request would book a new entry
                    return api.as(DISTRICT)
                            .header("Idempotency-Key", "race-entry")
                            .post(
                                    "/api/agreements/keyed-race/delegations/wohngeld/cost-entries",
                                    ReliabilityFixtures.costEntry(null, "saarpfalz-kreis", "99.00"));
                }));
            }
            start.countDown();
            Map<String, Integer> outcomes = new TreeMap<>();
            List<String> locations = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                Reply answer = reply.get();
                outcomes.merge(
                        answer.status()
                                + (answer.code() == null ? "" : " " + answer.code())
                                + ("true".equals(answer.header("Idempotent-Replayed")) ? " replayed" : ""),
                        1,
                        Integer::sum);
                if (answer.status() == 201) {
                    locations.add(answer.header("Location"));
                }
            }
            System.out.println("20 concurrent requests with one key -> " + outcomes + "; distinct locations "
                    + locations.stream().distinct().toList() + "; events recorded: " + (events() - before));
            assertThat(outcomes.keySet()).allMatch(outcome -> outcome.startsWith("201"));
            assertThat(locations.stream().distinct()).hasSize(1);
            assertThat(events()).isEqualTo(before + 1);
        } finally {
            threads.shutdownNow();
        }
    }
}
