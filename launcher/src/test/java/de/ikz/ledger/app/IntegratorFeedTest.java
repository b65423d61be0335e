package de.ikz.ledger.app;

import static de.ikz.ledger.app.IntegratorSupport.ADMIN;
import static de.ikz.ledger.app.IntegratorSupport.CITY;
import static de.ikz.ledger.app.IntegratorSupport.INTEGRATOR;
import static de.ikz.ledger.app.IntegratorSupport.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ikz.ledger.command.http.HttpApi;
import de.ikz.ledger.command.http.TestAccounts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The catch-up feed on the whole service (JDBC event store): a reader that pages while commands
 * are written concurrently, some of them refused after their position was taken, sees every event
 * exactly once and in order, and can stop and resume anywhere.
 */
@SpringBootTest(classes = IkzLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntegratorFeedTest {

    static final int WRITERS = 3;
    static final int PARTNERS_PER_WRITER = 15;

    @TempDir
    static Path dataDir;

    @LocalServerPort
    int port;

    HttpApi api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAccounts.register(registry, dataDir);
        registry.add("ikz.events.gap-wait", () -> "1s");
    }

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    @Test
    void aReaderPagingDuringConcurrentWritesSeesEveryEventOnceInOrderAndResumesAnywhere() throws Exception {
        long start = IntegratorSupport.feed(api, -1, 1000).stream()
                .mapToLong(e -> e.path("position").asLong())
                .max()
                .orElse(-1);
        AtomicInteger stored = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            done.add(writers.submit(() -> {
                go.await();
                for (int i = 0; i < PARTNERS_PER_WRITER; i++) {
                    String id = "w" + writer + "-p" + i;
                    if (IntegratorSupport.register(api, id) == 201) {
                        stored.incrementAndGet();
                    }
                    if (IntegratorSupport.rename(api, id, "Umbenannt " + i) == 204) {
                        stored.incrementAndGet();
                    }
                    // every writer also tries a partner all of them try: only one succeeds, the others
                    // are refused after the store gave their insert a position
                    if (IntegratorSupport.register(api, "shared-" + i) == 201) {
                        stored.incrementAndGet();
                    }
                }
                return null;
            }));
        }

        List<JsonNode> seen = new ArrayList<>();
        long at = start;
        Random random = new Random(42);
        go.countDown();
        while (!allDone(done)) {
            JsonNode page = api.as(INTEGRATOR)
                    .get("/api/events?after=" + at + "&limit=" + (1 + random.nextInt(7)))
                    .json();
            page.path("items").forEach(seen::add);
            at = page.path("lastPosition").asLong();
        }
        writers.shutdown();
        assertThat(writers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        for (Future<?> writer : done) {
            writer.get();
        }
        // positions taken by refused writes are passed once the gap wait is over
        IntegratorSupport.sleep(1200);
        seen.addAll(IntegratorSupport.feed(api, at, 5));

        List<JsonNode> all = IntegratorSupport.feed(api, start, 1000);
        List<Long> positions = IntegratorSupport.positions(seen);
        assertThat(all).hasSize(stored.get());
        assertThat(positions).doesNotHaveDuplicates().isSorted().isEqualTo(IntegratorSupport.positions(all));
        assertThat(seen.stream().map(e -> e.path("eventId").asText()).toList())
                .isEqualTo(all.stream().map(e -> e.path("eventId").asText()).toList());
        assertThat(stored.get()).isEqualTo(WRITERS * PARTNERS_PER_WRITER * 2 + PARTNERS_PER_WRITER);

        for (int resume : List.of(0, 1, all.size() / 3, all.size() / 2, all.size() - 2)) {
            long from = all.get(resume).path("position").asLong();
            assertThat(IntegratorSupport.positions(IntegratorSupport.feed(api, from, 1 + resume % 4)))
                    .as("resumed after %d", from)
                    .isEqualTo(IntegratorSupport.positions(all.subList(resume + 1, all.size())));
        }
    }

    @Test
    void onlyIntegratorsAndAdminsReachTheFeedTheStreamTheSchemasAndTheWebhooks() {
        List<String[]> calls = List.of(
                new String[] {"GET", "/api/events"},
                new String[] {"GET", "/api/events/stream"},
                new String[] {"GET", "/api/events/schemas"},
                new String[] {"GET", "/api/events/schemas/AgreementSigned"},
                new String[] {"GET", "/api/webhooks"},
                new String[] {"POST", "/api/webhooks"},
                new String[] {"GET", "/api/webhooks/some-id/deliveries"},
                new String[] {"POST", "/api/webhooks/some-id/deliveries/some-id-1/redelivery"},
                new String[] {"DELETE", "/api/webhooks/some-id"});
        for (String[] call : calls) {
            String body = call[0].equals("POST") ? "{}" : null;
            String type = body == null ? null : "application/json";
            HttpApi.Reply manager = api.as(MANAGER).send(call[0], call[1], body, type);
            HttpApi.Reply partner = api.as(CITY).send(call[0], call[1], body, type);
            HttpApi.Reply anonymous = api.as(null).send(call[0], call[1], body, type);

            assertThat(manager.status())
                    .as("manager: " + String.join(" ", call))
                    .isEqualTo(403);
            assertThat(manager.code()).isEqualTo("FORBIDDEN");
            assertThat(partner.status())
                    .as("partner: " + String.join(" ", call))
                    .isEqualTo(403);
            assertThat(anonymous.status())
                    .as("anonymous: " + String.join(" ", call))
                    .isEqualTo(401);
            assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
        }
        assertThat(api.as(INTEGRATOR).get("/api/events/schemas").status()).isEqualTo(200);
        assertThat(api.as(ADMIN).get("/api/events?limit=1").status()).isEqualTo(200);
        assertThat(api.as(INTEGRATOR).get("/api/webhooks/some-id").status()).isEqualTo(404);
    }

    private static boolean allDone(List<Future<?>> futures) {
        return futures.stream().allMatch(Future::isDone);
    }
}
