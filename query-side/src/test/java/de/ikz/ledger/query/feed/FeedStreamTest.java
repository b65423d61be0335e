package de.ikz.ledger.query.feed;

import static org.assertj.core.api.Assertions.assertThat;

import de.ikz.ledger.api.partner.PartnerKind;
import de.ikz.ledger.api.partner.PartnerRegistered;
import de.ikz.ledger.api.partner.PartnerRenamed;
import de.ikz.ledger.query.feed.IntegratorHttp.Message;
import de.ikz.ledger.query.feed.IntegratorHttp.Sse;
import de.ikz.ledger.query.support.EventLog;
import de.ikz.ledger.query.support.QuerySideTestApplication;
import de.ikz.ledger.query.support.StreamEvent;
import de.ikz.ledger.query.support.ViewStoreProperties;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The live stream {@code GET /api/events/stream} over real HTTP: events as they are stored,
 * resumption after {@code Last-Event-ID}, heartbeats that carry the position a filter passed over,
 * and the cap on open streams.
 */
@SpringBootTest(classes = QuerySideTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FeedStreamTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventStreams streams;

    private static EventLog log;
    private IntegratorHttp http;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ViewStoreProperties.fresh().forEach((name, value) -> registry.add(name, () -> value));
        IntegratorHttp.register(registry);
        registry.add("ikz.events.max-streams", () -> "2");
        registry.add("ikz.events.heartbeat", () -> "300ms");
        registry.add("ikz.events.poll-interval", () -> "50ms");
    }

    /**
     * At most two streams may be open (see the properties); the streams of the test before are
     * closed by their client, which the server notices at their next write at the latest.
     */
    @BeforeEach
    void connect() throws InterruptedException {
        http = new IntegratorHttp(port);
        if (log == null) {
            log = new EventLog(eventStore);
        }
        awaitOpenStreams(0);
    }

    @Test
    void anEventStoredWhileTheStreamIsOpenArrivesWithItsPositionAsIdAndItsTypeAsName() throws Exception {
        long head = log.head();
        try (Sse stream = http.stream("/api/events/stream?after=" + head, IntegratorHttp.INTEGRATOR, Map.of())) {
            assertThat(stream.status()).isEqualTo(200);
            String partner = unique();

            long position = log.append(StreamEvent.of(registered(partner)));
            Message event = stream.nextEvent(WAIT);

            assertThat(event).isNotNull();
            assertThat(event.id()).isEqualTo(Long.toString(position));
            assertThat(event.event()).isEqualTo("PartnerRegistered");
            assertThat(event.json().path("position").asLong()).isEqualTo(position);
            assertThat(event.json().path("payload").path("partnerId").asText()).isEqualTo(partner);
        }
    }

    @Test
    void aStreamResumesAfterTheLastEventIdItIsSent() throws Exception {
        String partner = unique();
        long first = log.append(StreamEvent.of(registered(partner)));
        long second = log.append(StreamEvent.of(new PartnerRenamed(partner, "Zwei")));

        try (Sse stream = http.stream(
                "/api/events/stream?after=0",
                IntegratorHttp.INTEGRATOR,
                Map.of("Last-Event-ID", Long.toString(first)))) {
            assertThat(stream.status()).isEqualTo(200);
            Message event = stream.nextEvent(WAIT);

            assertThat(event).isNotNull();
            assertThat(event.id()).isEqualTo(Long.toString(second));
        }
    }

    @Test
    void anIdleStreamSendsHeartbeatsThatCarryThePositionItsFilterPassedOver() throws Exception {
        long head = log.head();
        try (Sse stream = http.stream(
                "/api/events/stream?types=AgreementTerminated&after=" + head, IntegratorHttp.INTEGRATOR, Map.of())) {
            long skipped = log.append(StreamEvent.of(registered(unique())));

            Message heartbeat = null;
            for (int i = 0;
                    i < 20 && (heartbeat == null || !Long.toString(skipped).equals(heartbeat.id()));
                    i++) {
                heartbeat = stream.next(WAIT);
                assertThat(heartbeat).isNotNull();
                assertThat(heartbeat.isEvent()).isFalse();
            }

            assertThat(heartbeat.comments()).contains("heartbeat");
            assertThat(heartbeat.id()).isEqualTo(Long.toString(skipped));
        }
    }

    @Test
    void atMostTheConfiguredNumberOfStreamsAreOpenAndAClosedOneFreesItsPlace() throws Exception {
        awaitOpenStreams(0);
        try (Sse one = http.stream("/api/events/stream", IntegratorHttp.INTEGRATOR, Map.of());
                Sse two = http.stream("/api/events/stream", IntegratorHttp.INTEGRATOR, Map.of())) {
            assertThat(one.status()).isEqualTo(200);
            assertThat(two.status()).isEqualTo(200);

            try (Sse three = http.stream("/api/events/stream", IntegratorHttp.INTEGRATOR, Map.of())) {
                assertThat(three.status()).isEqualTo(503);
                assertThat(three.body()).contains("\"code\":\"SERVICE_UNAVAILABLE\"");
            }
            two.close();
            awaitOpenStreams(1);

            try (Sse again = http.stream("/api/events/stream", IntegratorHttp.INTEGRATOR, Map.of())) {
                assertThat(again.status()).isEqualTo(200);
            }
        }
        awaitOpenStreams(0);
    }

    @Test
    void anInvalidLastEventIdOrTypeIsRefusedBeforeTheStreamOpens() {
        try (Sse stream = http.stream("/api/events/stream", IntegratorHttp.INTEGRATOR, Map.of("Last-Event-ID", "x"))) {
            assertThat(stream.status()).isEqualTo(400);
            assertThat(stream.body()).contains("INVALID_PARAMETER");
        }
        try (Sse stream = http.stream("/api/events/stream?types=Nothing", IntegratorHttp.INTEGRATOR, Map.of())) {
            assertThat(stream.status()).isEqualTo(400);
        }
    }

    /** A client that went away is noticed at the next heartbeat at the latest. */
    private void awaitOpenStreams(int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (streams.openStreams() != count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(streams.openStreams()).isEqualTo(count);
    }

    private static String unique() {
        return "s" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static PartnerRegistered registered(String id) {
        return new PartnerRegistered(id, "Partner " + id, PartnerKind.DISTRICT, null, null);
    }
}
