package de.ikz.ledger.app;

import static de.ikz.ledger.app.ReliabilityFixtures.ADMIN;
import static de.ikz.ledger.app.ReliabilityFixtures.AUDITOR;
import static de.ikz.ledger.app.ReliabilityFixtures.DISTRICT;
import static de.ikz.ledger.app.ReliabilityFixtures.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ikz.ledger.command.http.HttpApi;
import de.ikz.ledger.command.http.HttpApi.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: the service runs in a JVM of its own, is killed hard ({@code SIGKILL}) in the middle
 * of a burst of commands from several threads, and started again on the same data directory: every
 * acknowledged command's event is there exactly once (client-supplied ids, compared with the audit
 * log), the hash chains verify, the views equal a fresh replay, and an idempotency key sent before
 * the crash is still answered. Then it is killed in the middle of a replay: the replay is redone on
 * the next start and the views are as before.
 */
class ReliabilityCrashTest {

    static final String LEDGER_A = "crash-ledger-a";
    static final String LEDGER_B = "crash-ledger-b";
    static final int WRITERS = 4;
    static final Duration BURST_BEFORE_KILL = Duration.ofMillis(2500);

    @TempDir
    Path dataDir;

    private Process app;
    private int starts;

    @AfterEach
    void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
        // the services' logs, for a look after a failure
        Path logs = Files.createDirectories(Path.of("target", "crash-test-logs"));
        for (int start = 1; start <= starts; start++) {
            if (Files.exists(logOf(start))) {
                Files.copy(logOf(start), logs.resolve(logOf(start).getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void acknowledgedCommandsSurviveAKillAndAReplayCutShortIsRedone() throws Exception {
        HttpApi first = start();
        HttpApi api = first;
        ReliabilityFixtures.partners(api);
        for (String ledger : List.of(LEDGER_A, LEDGER_B)) {
            ReliabilityFixtures.agreementInForce(api, ledger, "saarbruecken", "saarpfalz-kreis");
            ReliabilityFixtures.runningDelegation(api, ledger, "wohngeld", "iks", "saarpfalz-kreis");
        }
        Reply keyed = api.as(DISTRICT)
                .header("Idempotency-Key", "before-the-crash")
                .post(
                        "/api/agreements/" + LEDGER_A + "/delegations/wohngeld/cost-entries",
                        ReliabilityFixtures.costEntry(null, "saarpfalz-kreis", "42.00"));
        assertThat(keyed.status()).isEqualTo(201);

        // a burst of commands from several threads, killed in the middle
        Set<String> acknowledgedEntries = ConcurrentHashMap.newKeySet();
        Set<String> acknowledgedPartners = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            running.add(writers.submit(() -> {
                for (int n = 0; !stop.get() && n < 100_000; n++) {
                    sent.incrementAndGet();
                    try {
                        if (writer == WRITERS - 1) {
                            String partner = "crash-partner-" + n;
                            Reply reply = first.as(ADMIN)
                                    .post(
                                            "/api/partners",
                                            "{\"id\":\"" + partner + "\",\"name\":\"P " + n
                                                    + "\",\"kind\":\"ASSOCIATION\"}");
                            if (reply.status() == 201) {
                                acknowledgedPartners.add(partner);
                            }
                        } else {
                            String entry = "crash-" + writer + "-" + n;
                            Reply reply = first.as(writer == 0 ? ADMIN : DISTRICT)
                                    .post(
                                            "/api/agreements/" + (writer == 1 ? LEDGER_B : LEDGER_A)
                                                    + "/delegations/wohngeld/cost-entries",
                                            ReliabilityFixtures.costEntry(entry, "saarpfalz-kreis", (n + 1) + ".25"));
                            if (reply.status() == 201) {
                                acknowledgedEntries.add(entry);
                            }
                        }
                    } catch (RuntimeException connectionLost) {
                        failed.incrementAndGet();
                        return null;
                    }
                }
                return null;
            }));
        }
        Thread.sleep(BURST_BEFORE_KILL.toMillis());
        int acknowledgedAtKill = acknowledgedEntries.size() + acknowledgedPartners.size();
        long pid = app.pid();
        app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        stop.set(true);
        for (Future<?> writer : running) {
            writer.get(60, TimeUnit.SECONDS);
        }
        writers.shutdownNow();
        System.out.printf(
                "burst: %d writers sent %d commands; %d acknowledged (%d cost entries, %d partners) when pid %d was"
                        + " killed with SIGKILL; %d requests lost their connection%n",
                WRITERS,
                sent.get(),
                acknowledgedAtKill,
                acknowledgedEntries.size(),
                acknowledgedPartners.size(),
                pid,
                failed.get());
        assertThat(acknowledgedEntries).isNotEmpty();

        // started again on the same data directory
        api = start();
        Map<String, Integer> entries = countInAuditLog(api, "CostEntryRecorded", "entryId");
        Map<String, Integer> partners = countInAuditLog(api, "PartnerRegistered", "partnerId");
        List<String> missing = new ArrayList<>();
        acknowledgedEntries.stream().filter(id -> !entries.containsKey(id)).forEach(missing::add);
        acknowledgedPartners.stream().filter(id -> !partners.containsKey(id)).forEach(missing::add);
        Map<String, Integer> twice = new TreeMap<>();
        entries.forEach((id, count) -> {
            if (count > 1) {
                twice.put(id, count);
            }
        });
        partners.forEach((id, count) -> {
            if (count > 1) {
                twice.put(id, count);
            }
        });
        long unacknowledgedButStored = entries.keySet().stream()
                        .filter(id -> id.startsWith("crash-") && !acknowledgedEntries.contains(id))
                        .count()
                + partners.keySet().stream()
                        .filter(id -> id.startsWith("crash-") && !acknowledgedPartners.contains(id))
                        .count();
        System.out.printf(
                "after the restart: %d of %d acknowledged commands found, missing %s, recorded more than once %s;"
                        + " %d in flight at the kill were stored without an answer%n",
                acknowledgedEntries.size() + acknowledgedPartners.size() - missing.size(),
                acknowledgedEntries.size() + acknowledgedPartners.size(),
                missing,
                twice,
                unacknowledgedButStored);
        assertThat(missing).isEmpty();
        assertThat(twice).isEmpty();

        Reply repeated = api.as(DISTRICT)
                .header("Idempotency-Key", "before-the-crash")
                .post(
                        "/api/agreements/" + LEDGER_A + "/delegations/wohngeld/cost-entries",
                        ReliabilityFixtures.costEntry(null, "saarpfalz-kreis", "42.00"));
        System.out.println("idempotency key sent before the crash, repeated after it: " + repeated.status() + " "
                + repeated.header("Location") + " (first answer " + keyed.status() + " " + keyed.header("Location")
                + "), replayed=" + repeated.header("Idempotent-Replayed"));
        assertThat(repeated.status()).isEqualTo(201);
        assertThat(repeated.header("Location")).isEqualTo(keyed.header("Location"));
        assertThat(repeated.body()).isEqualTo(keyed.body());
        assertThat(repeated.header("X-Consistency-Token")).isEqualTo(keyed.header("X-Consistency-Token"));

        JsonNode verification = verify(api);
        assertThat(verification.path("chainIntact").asBoolean())
                .as(verification.toString())
                .isTrue();
        assertThat(verification.path("viewsMatchReplay").asBoolean())
                .as(verification.toString())
                .isTrue();

        // killed in the middle of a replay
        Map<String, JsonNode> before = views(api);
        String interrupted = null;
        for (int attempt = 1; attempt <= 3 && interrupted == null; attempt++) {
            Reply replay = api.as(ADMIN).post("/api/admin/replays", "{}");
            assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
            String id = replay.json().path("id").asText();
            String status = replay.json().path("status").asText();
            app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            System.out.println("replay " + id + " answered " + status + "; killed the service");
            api = start();
            String after = api.as(ADMIN)
                    .get("/api/admin/replays/" + id)
                    .json()
                    .path("status")
                    .asText();
            System.out.println("after the restart replay " + id + " is " + after);
            if (after.equals("INTERRUPTED")) {
                interrupted = id;
            }
        }
        assertThat(interrupted).as("a replay killed while RUNNING").isNotNull();
        String log = Files.readString(logOf(starts), StandardCharsets.UTF_8);
        assertThat(log).contains("Replay " + interrupted + " was cut short by a restart; starting it again");
        Map<String, JsonNode> redone = views(api);
        List<String> differing = new ArrayList<>();
        before.forEach((path, view) -> {
            if (!view.equals(redone.get(path))) {
                differing.add(path);
            }
        });
        System.out.println("views compared before the replay and after it was redone: " + before.keySet()
                + "; differing " + differing);
        assertThat(differing).isEmpty();
        JsonNode afterReplay = verify(api);
        assertThat(afterReplay.path("chainIntact").asBoolean()).isTrue();
        assertThat(afterReplay.path("viewsMatchReplay").asBoolean()).isTrue();
    }

    /** How often each value of a field occurs in events of a type, read through the audit log. */
    private static Map<String, Integer> countInAuditLog(HttpApi api, String type, String field) {
        Map<String, Integer> counts = new TreeMap<>();
        String cursor = null;
        do {
            Reply page = api.as(AUDITOR)
                    .get("/api/audit/events?limit=1000" + (type == null ? "" : "&type=" + type)
                            + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json()
                    .path("items")
                    .forEach(event ->
                            counts.merge(event.path("payload").path(field).asText(), 1, Integer::sum));
            cursor = page.json().path("next").isTextual()
                    ? page.json().path("next").asText()
                    : null;
        } while (cursor != null);
        return counts;
    }

    /** The verification, once the views include every event (it compares them with a replay). */
    private static JsonNode verify(HttpApi api) {
        long head = countInAuditLog(api, null, "x").values().stream()
                .mapToLong(Integer::longValue)
                .sum();
        // after a kill the view processors take over their segments once the dead process's claims
        // time out (axon.eventhandling.tokenstore.claim-timeout, 10 s): wait for them
        long started = System.nanoTime();
        boolean reached = false;
        for (int attempt = 0; attempt < 12 && !reached; attempt++) {
            reached = "true"
                    .equals(api.as(MANAGER)
                            .header("X-Consistency-Token", String.valueOf(head))
                            .get("/api/savings")
                            .header("X-Consistency-Reached"));
        }
        System.out.printf("the views include all %d events after %.1f s%n", head, (System.nanoTime() - started) / 1e9);
        assertThat(reached).isTrue();
        JsonNode report = api.as(AUDITOR).post("/api/audit/verifications", "{}").json();
        System.out.println("verification: eventsChecked " + report.path("eventsChecked") + ", chainIntact "
                + report.path("chainIntact") + ", viewsMatchReplay " + report.path("viewsMatchReplay"));
        return report;
    }

    private static Map<String, JsonNode> views(HttpApi api) {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        for (String path : List.of(
                "/api/partners",
                "/api/agreements",
                "/api/agreements/" + LEDGER_A,
                "/api/agreements/" + LEDGER_B,
                "/api/savings?fiscalYear=2014",
                "/api/service-matrix",
                "/api/partners/saarpfalz-kreis/savings",
                "/api/partners/saarpfalz-kreis/services",
                "/api/partners/saarbruecken/services")) {
            Reply reply = api.as(MANAGER).get(path);
            assertThat(reply.status()).as(path + " " + reply).isEqualTo(200);
            views.put(path, reply.json());
        }
        return views;
    }

    /** Starts the service in a JVM of its own on the data directory and waits until it is ready. */
    private HttpApi start() throws Exception {
        starts++;
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Daxoniq.update-checker.disabled=true",
                "-Ddisable-axoniq-console-message=true",
                "-cp",
                classpath,
                IkzLedgerApplication.class.getName(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--ikz.data-dir=" + dataDir.resolve("data"),
                "--logging.level.root=WARN",
                "--logging.level.de.ikz.ledger=INFO");
        app = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logOf(starts).toFile())
                .start();
        HttpApi api = new HttpApi(port);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long started = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError("the service exited with " + app.exitValue() + ":\n" + tail(starts));
            }
            try {
                if (api.as(null).get("/actuator/health/readiness").status() == 200) {
                    System.out.printf(
                            "start %d: pid %d ready on port %d after %.1f s%n",
                            starts, app.pid(), port, (System.nanoTime() - started) / 1e9);
                    return api;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not get ready:\n" + tail(starts));
    }

    private Path logOf(int start) {
        return dataDir.resolve("service-" + start + ".log");
    }

    private String tail(int start) {
        try {
            List<String> lines = Files.readAllLines(logOf(start), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
