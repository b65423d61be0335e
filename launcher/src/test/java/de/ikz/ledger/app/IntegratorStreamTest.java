package de.ikz.ledger.app;

import static de.ikz.ledger.app.IntegratorSupport.INTEGRATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ikz.ledger.app.IntegratorSupport.Message;
import de.ikz.ledger.app.IntegratorSupport.Sse;
import de.ikz.ledger.command.http.HttpApi;
import de.ikz.ledger.command.http.TestAccounts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The live stream on the whole service, over real HTTP with a raw SSE client: a consumer drops its
 * connection in the middle of a burst of commands, reconnects with {@code Last-Event-ID}, and has
 * seen every event exactly once, in order.
 */
@SpringBootTest(classes = IkzLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntegratorStreamTest {

    static final int PARTNERS = 30;
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAccounts.register(registry, dataDir);
        registry.add("ikz.events.heartbeat", () -> "1s");
        registry.add("ikz.events.poll-interval", () -> "100ms");
        registry.add("ikz.events.gap-wait", () -> "1s");
    }

    @Test
    void aConsumerThatDropsItsStreamDuringABurstAndResumesWithLastEventIdSeesEveryEventOnceInOrder() throws Exception {
        HttpApi api = new HttpApi(port);
        long start = IntegratorSupport.feed(api, -1, 1000).stream()
                .mapToLong(e -> e.path("position").asLong())
                .max()
                .orElse(-1);
        List<Message> received = new ArrayList<>();
        List<Message> renames = new ArrayList<>();
        AtomicInteger stored = new AtomicInteger();

        CompletableFuture<Void> burst;
        try (Sse renamesOnly =
                Sse.open(port, "/api/events/stream?types=PartnerRenamed&after=" + start, INTEGRATOR, null)) {
            try (Sse first = Sse.open(port, "/api/events/stream?after=" + start, INTEGRATOR, null)) {
                assertThat(first.status()).isEqualTo(200);
                burst = CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < PARTNERS; i++) {
                        if (IntegratorSupport.register(api, "burst-" + i) == 201) {
                            stored.incrementAndGet();
                        }
                        if (IntegratorSupport.rename(api, "burst-" + i, "Umbenannt") == 204) {
                            stored.incrementAndGet();
                        }
                    }
                });
                while (received.size() < 15) {
                    Message event = first.nextEvent(WAIT);
                    assertThat(event)
                            .as("event %d of the first connection", received.size())
                            .isNotNull();
                    received.add(event);
                }
            }
            assertThat(burst).as("the burst goes on after the drop").isNotDone();

            String lastEventId = received.get(received.size() - 1).id();
            try (Sse second = Sse.open(port, "/api/events/stream", INTEGRATOR, lastEventId)) {
                assertThat(second.status()).isEqualTo(200);
                burst.get();
                while (received.size() < stored.get()) {
                    Message event = second.nextEvent(WAIT);
                    assertThat(event)
                            .as("event %d after resuming", received.size())
                            .isNotNull();
                    received.add(event);
                }
                assertThat(second.nextEvent(Duration.ofMillis(500)))
                        .as("nothing more")
                        .isNull();
            }
            while (renames.size() < PARTNERS) {
                Message rename = renamesOnly.nextEvent(WAIT);
                assertThat(rename).isNotNull();
                renames.add(rename);
            }
        }

        List<JsonNode> feed = IntegratorSupport.feed(api, start, 1000);
        List<Long> positions =
                received.stream().map(m -> Long.parseLong(m.id())).toList();
        assertThat(stored.get()).isEqualTo(2 * PARTNERS);
        assertThat(positions).doesNotHaveDuplicates().isSorted().isEqualTo(IntegratorSupport.positions(feed));
        for (Message message : received) {
            JsonNode envelope = message.json();
            assertThat(envelope.path("position").asText()).isEqualTo(message.id());
            assertThat(envelope.path("type").asText()).isEqualTo(message.event());
        }
        assertThat(renames).allSatisfy(m -> assertThat(m.event()).isEqualTo("PartnerRenamed"));
        assertThat(renames.stream().map(Message::id).toList())
                .isEqualTo(feed.stream()
                        .filter(e -> e.path("type").asText().equals("PartnerRenamed"))
                        .map(e -> e.path("position").asText())
                        .toList());
    }
}
