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
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Conflicting writers over real HTTP: of 50 concurrent commands that contend for the same fact
 * exactly one is applied and the others are refused with {@code 409}, no stream uses a sequence
 * number twice or skips one, and a command naming a stale version in {@code If-Match} is refused
 * with {@code 412 PRECONDITION_FAILED}.
 */
class ReliabilityConflictTest extends ReliabilityServer {

    static final int WRITERS = 50;

    /** Sends the requests at once from as many threads and counts the answers by status and code. */
    private Map<String, Integer> race(String label, IntFunction<Reply> request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                int writer = i;
                replies.add(threads.submit(() -> {
                    start.await();
                    return request.apply(writer);
                }));
            }
            start.countDown();
            Map<String, Integer> outcomes = new TreeMap<>();
            for (Future<Reply> reply : replies) {
                Reply answer = reply.get();
                String key = answer.status() + (answer.code() == null ? "" : " " + answer.code());
                outcomes.merge(key, 1, Integer::sum);
            }
            System.out.println(label + ": " + WRITERS + " concurrent requests -> " + outcomes);
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    private void streamsAreIntact() {
        List<String> duplicates = ReliabilityFixtures.duplicateSequences(jdbc);
        Map<String, String> gaps = ReliabilityFixtures.gappedStreams(jdbc);
        long streams =
                jdbc.queryForObject("SELECT COUNT(DISTINCT aggregateIdentifier) FROM DomainEventEntry", Long.class);
        System.out.println("event store: " + ReliabilityFixtures.storeState(jdbc) + " in " + streams
                + " streams; sequence numbers used twice: " + duplicates + "; streams with gaps: " + gaps);
        assertThat(duplicates).isEmpty();
        assertThat(gaps).isEmpty();
    }

    @Test
    void ofFiftyConcurrentCostEntriesWithTheSameIdExactlyOneIsRecorded() throws Exception {
        ReliabilityFixtures.agreementInForce(api, "race-entries", "saarbruecken", "saarpfalz-kreis");
        ReliabilityFixtures.runningDelegation(api, "race-entries", "wohngeld", "iks", "saarpfalz-kreis");
        long before = ReliabilityFixtures.storeState(jdbc).events();

        Map<String, Integer> outcomes = race(
                "cost entry 'contested' recorded",
                writer -> api.as(writer % 2 == 0 ? ADMIN : DISTRICT)
                        .post(
                                "/api/agreements/race-entries/delegations/wohngeld/cost-entries",
                                ReliabilityFixtures.costEntry("contested", "saarpfalz-kreis", (writer + 1) + ".00")));

        assertThat(outcomes.get("201")).isEqualTo(1);
        assertThat(outcomes.getOrDefault("409 COST_ENTRY_ALREADY_EXISTS", 0)
                        + outcomes.getOrDefault("409 CONCURRENT_MODIFICATION", 0))
                .isEqualTo(WRITERS - 1);
        assertThat(ReliabilityFixtures.storeState(jdbc).events()).isEqualTo(before + 1);
        streamsAreIntact();
    }

    @Test
    void ofFiftyConcurrentSignaturesOfTheSamePartyExactlyOneCounts() throws Exception {
        ReliabilityFixtures.agreementDraft(api, "race-signatures", "saarbruecken", "saarpfalz-kreis", "homburg");
        long before = ReliabilityFixtures.storeState(jdbc).events();

        Map<String, Integer> outcomes = race(
                "signature of saarbruecken",
                writer -> api.as(writer % 2 == 0 ? ADMIN : CITY)
                        .post(
                                "/api/agreements/race-signatures/signatures",
                                "{\"partnerId\":\"saarbruecken\",\"signatoryName\":\"Signatory " + writer
                                        + "\",\"signatoryRole\":\"OB\",\"signedOn\":\"2014-05-22\"}"));

        assertThat(outcomes.get("200")).isEqualTo(1);
        assertThat(outcomes.getOrDefault("409 AGREEMENT_ALREADY_SIGNED_BY_PARTY", 0)
                        + outcomes.getOrDefault("409 CONCURRENT_MODIFICATION", 0))
                .isEqualTo(WRITERS - 1);
        assertThat(ReliabilityFixtures.storeState(jdbc).events()).isEqualTo(before + 1);
        streamsAreIntact();
    }

    @Test
    void aCommandNamingAStaleVersionInIfMatchIsRefusedWith412() throws Exception {
        Reply drafted = api.as(ADMIN)
                .post(
                        "/api/agreements",
                        "{\"id\":\"if-match\",\"title\":\"If-Match\",\"subject\":\"IT\","
                                + "\"partyIds\":[\"saarbruecken\",\"saarpfalz-kreis\"],\"validFrom\":\"2014-01-01\"}");
        assertThat(drafted.status()).isEqualTo(201);
        String draftVersion = "\"0\""; // a new agreement is at version 0: its first event

        Reply amended = api.as(CITY)
                .header("If-Match", draftVersion)
                .patch("/api/agreements/if-match", "{\"title\":\"Erste Änderung\",\"reason\":\"R\"}");
        System.out.println(
                "PATCH with If-Match " + draftVersion + " -> " + amended.status() + ", ETag " + amended.header("ETag"));
        assertThat(amended.status()).isEqualTo(204);
        assertThat(amended.header("ETag")).isEqualTo("\"1\"");

        Reply stale = api.as(DISTRICT)
                .header("If-Match", draftVersion)
                .patch("/api/agreements/if-match", "{\"title\":\"Veraltete Änderung\",\"reason\":\"R\"}");
        System.out.println("PATCH with stale If-Match " + draftVersion + " -> " + stale);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("PRECONDITION_FAILED");
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");

        Reply staleSignature = api.as(DISTRICT)
                .header("If-Match", "W/\"0\"")
                .post(
                        "/api/agreements/if-match/signatures",
                        "{\"partnerId\":\"saarpfalz-kreis\",\"signatoryName\":\"L\",\"signatoryRole\":\"Landrat\",\"signedOn\":\"2014-05-22\"}");
        assertThat(staleSignature.code()).isEqualTo("PRECONDITION_FAILED");
        Reply garbage =
                api.as(DISTRICT).header("If-Match", "\"abc\"").patch("/api/agreements/if-match", "{\"reason\":\"R\"}");
        System.out.println("PATCH with If-Match \"abc\" -> " + garbage.status() + " " + garbage.code());
        assertThat(garbage.status()).isEqualTo(400);
        Reply renamed =
                api.as(ADMIN).patch("/api/partners/homburg", "{\"name\":\"Homburg " + System.nanoTime() + "\"}");
        Reply staleRename = api.as(ADMIN)
                .header("If-Match", "\"0\"")
                .patch("/api/partners/homburg", "{\"name\":\"Homburg (Saar)\"}");
        System.out.println("partner rename -> ETag " + renamed.header("ETag") + "; rename with If-Match \"0\" -> "
                + staleRename.status() + " " + staleRename.code());
        assertThat(staleRename.code()).isEqualTo("PRECONDITION_FAILED");

        // twenty writers who all read version 1: exactly one of them wins
        Map<String, Integer> outcomes = race(
                "amendments all naming If-Match \"1\"",
                writer -> api.as(ADMIN)
                        .header("If-Match", "\"1\"")
                        .patch("/api/agreements/if-match", "{\"title\":\"Änderung " + writer + "\",\"reason\":\"R\"}"));
        assertThat(outcomes.get("204")).isEqualTo(1);
        assertThat(outcomes.get("412 PRECONDITION_FAILED")).isEqualTo(WRITERS - 1);
        streamsAreIntact();
    }
}
