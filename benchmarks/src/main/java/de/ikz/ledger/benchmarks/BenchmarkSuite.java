package de.ikz.ledger.benchmarks;

import static de.ikz.ledger.benchmarks.measure.Stats.median;
import static de.ikz.ledger.benchmarks.measure.Stats.millis;
import static de.ikz.ledger.benchmarks.measure.Stats.perSecond;
import static de.ikz.ledger.benchmarks.measure.Stats.percentile;

import com.mongodb.client.MongoDatabase;
import de.ikz.ledger.api.agreement.AgreementEvent;
import de.ikz.ledger.api.agreement.CostKind;
import de.ikz.ledger.api.agreement.RecordCostEntry;
import de.ikz.ledger.api.partner.PartnerEvent;
import de.ikz.ledger.benchmarks.apps.EmbeddedCommandApplication;
import de.ikz.ledger.benchmarks.apps.EmbeddedNoChainCommandApplication;
import de.ikz.ledger.benchmarks.apps.InMemoryCommandApplication;
import de.ikz.ledger.benchmarks.apps.LedgerBenchmarkApplication;
import de.ikz.ledger.benchmarks.apps.RunningApp;
import de.ikz.ledger.benchmarks.load.CommandPort;
import de.ikz.ledger.benchmarks.load.HttpCommands;
import de.ikz.ledger.benchmarks.load.InProcessCommands;
import de.ikz.ledger.benchmarks.load.LedgerHttp;
import de.ikz.ledger.benchmarks.load.PlanRunner;
import de.ikz.ledger.benchmarks.load.PlanRunner.Counters;
import de.ikz.ledger.benchmarks.load.Workload;
import de.ikz.ledger.benchmarks.load.Workload.LongAgreement;
import de.ikz.ledger.benchmarks.load.Workload.Plan;
import de.ikz.ledger.benchmarks.measure.MemoryWatch;
import de.ikz.ledger.benchmarks.measure.Report;
import de.ikz.ledger.query.agreement.AgreementViews;
import de.ikz.ledger.query.ledger.PartnerLedgers;
import de.ikz.ledger.query.partner.PartnerViews;
import de.ikz.ledger.query.processing.ViewConsistency;
import de.ikz.ledger.query.processing.ViewProcessors;
import de.ikz.ledger.query.projection.Projectors;
import de.ikz.ledger.query.replay.EventStoreReader;
import de.ikz.ledger.query.replay.GenerationWriter;
import de.ikz.ledger.query.replay.ReplayJob;
import de.ikz.ledger.query.replay.ReplayedViews;
import de.ikz.ledger.query.replay.Replays;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The whole suite: the command rates side by side on fresh stores, then one store grown through
 * the command path in which queries, replays, command latency and as-of queries are measured.
 * Every figure is the median over {@link BenchmarkOptions#repetitions()} repetitions; the
 * figures a target compares are measured in the same run, in alternation where they can be.
 */
public final class BenchmarkSuite {

    private static final Duration REPLAY_TIMEOUT = Duration.ofHours(2);
    private static final String UNCACHED = "ikz.aggregates.cache-size";
    private static final int LIVE_BURST_AGREEMENTS = 20;
    private static final String HANDLER_TIMEOUTS = "axon.timeout.enabled";

    private final BenchmarkOptions options;
    private final PrintStream log;
    private final Report report = new Report();

    public BenchmarkSuite(BenchmarkOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    /** The order of the table: what is compared stands together. */
    static final List<String> ORDER = List.of(
            "commands.embedded",
            "commands.inMemory",
            "commands.http",
            "http.noOp",
            "commands.embeddedNoChain",
            "commands.embeddedUncached",
            "commands.inMemoryUncached",
            "commands.embeddedHandlerTimeouts",
            "commands.embeddedUncachedHandlerTimeouts",
            "generation.checkpointRate",
            "generation.rate",
            "replay.full",
            "replay.rawRead",
            "replay.batchSizeOne",
            "replay.readPayloads",
            "replay.foldOnly",
            "replay.writeOnly",
            "query.services.p50.checkpoint",
            "query.services.p50.full",
            "query.services.p99.checkpoint",
            "query.services.p99.full",
            "query.savings.p50.checkpoint",
            "query.savings.p50.full",
            "query.savings.p99.checkpoint",
            "query.savings.p99.full",
            "live.checkpoint",
            "live.full",
            "latency.fresh.p50",
            "latency.long.p50",
            "latency.fresh.p99",
            "latency.long.p99",
            "latency.uncached.fresh.p50",
            "latency.uncached.long.p50",
            "latency.uncached.long.p99",
            "asOf.typical.p50",
            "asOf.typical.max",
            "asOf.longParty",
            "memory.heapPeak",
            "memory.heapPoolPeaks",
            "memory.residentPeak");

    public Report run() {
        report.order(ORDER);
        Path root = options.dataDir();
        boolean temporary = root == null;
        try {
            if (temporary) {
                root = Files.createTempDirectory("ikz-benchmarks-");
            }
            log("data in " + root + (temporary ? " (deleted afterwards)" : ""));
            try (MemoryWatch memory = new MemoryWatch()) {
                header();
                // the store first: growing it warms the JIT up, so the rates compare steady states
                mainStore(root.resolve("ledger"));
                commandRates(root.resolve("rates"));
                memory(memory);
            }
            targets(report);
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temporary && root != null) {
                delete(root);
            }
        }
    }

    private void header() {
        report.header(String.format(
                Locale.ROOT,
                "IKZ ledger benchmarks: %,d events in the main store (queries also at %,d; one agreement of %,d events),"
                        + " every figure the median of %d repetition%s; %d client thread%s; %d cores, max heap %,d MB, Java %s",
                options.events(),
                options.checkpoint(),
                options.bigAgreementEvents(),
                options.repetitions(),
                options.repetitions() == 1 ? "" : "s",
                options.threads(),
                options.threads() == 1 ? "" : "s",
                Runtime.getRuntime().availableProcessors(),
                MemoryWatch.maxHeapBytes() / (1024 * 1024),
                System.getProperty("java.version")));
    }

    // ---- 1. command rates, side by side ------------------------------------------------------

    /** The command-side variants measured side by side, each on a fresh store every round. */
    private enum Store {
        EMBEDDED(
                "embedded",
                EmbeddedCommandApplication.class,
                Map.of(),
                "commands in-process (CommandGateway), durable embedded store (H2 file, WRITE_DELAY=0), hash chain on,"
                        + " as shipped (aggregates cached, no handler watchdog)"),
        IN_MEMORY(
                "inMemory",
                InMemoryCommandApplication.class,
                Map.of(),
                "commands in-process, Axon InMemoryEventStorageEngine, no hash chain (framework ceiling)"),
        IN_MEMORY_UNCACHED(
                "inMemoryUncached",
                InMemoryCommandApplication.class,
                Map.of(UNCACHED, "0"),
                "variant: Axon InMemoryEventStorageEngine, aggregates not cached (the ceiling of the uncached variant)"),
        EMBEDDED_WITHOUT_CHAIN(
                "embeddedNoChain",
                EmbeddedNoChainCommandApplication.class,
                Map.of(),
                "variant: durable embedded store, hash chain off (what the chain costs)"),
        EMBEDDED_UNCACHED(
                "embeddedUncached",
                EmbeddedCommandApplication.class,
                Map.of(UNCACHED, "0"),
                "variant: durable embedded store, aggregates not cached (ikz.aggregates.cache-size=0)"),
        EMBEDDED_WITH_HANDLER_TIMEOUTS(
                "embeddedHandlerTimeouts",
                EmbeddedCommandApplication.class,
                Map.of(HANDLER_TIMEOUTS, "true"),
                "variant: durable embedded store, Axon's handler watchdog on (axon.timeout.enabled=true)"),
        EMBEDDED_UNCACHED_WITH_HANDLER_TIMEOUTS(
                "embeddedUncachedHandlerTimeouts",
                EmbeddedCommandApplication.class,
                Map.of(UNCACHED, "0", HANDLER_TIMEOUTS, "true"),
                "variant: durable embedded store, aggregates not cached and the handler watchdog on (Axon's defaults)");

        final String key;
        final Class<?> application;
        final Map<String, Object> properties;
        final String figure;

        Store(String key, Class<?> application, Map<String, Object> properties, String figure) {
            this.key = key;
            this.application = application;
            this.properties = properties;
            this.figure = figure;
        }

        Map<String, Object> properties() {
            Map<String, Object> all = new LinkedHashMap<>(properties);
            if (this == IN_MEMORY || this == IN_MEMORY_UNCACHED) {
                // keeps nothing on disk; its (unused) token tables live in memory too
                all.put("spring.datasource.url", "jdbc:h2:mem:ceiling-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
            }
            return all;
        }
    }

    private void commandRates(Path dir) {
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        for (Store store : Store.values()) {
            rates.put(store.key, new ArrayList<>());
        }
        rates.put("http", new ArrayList<>());
        rates.put("noOp", new ArrayList<>());
        long commandsPerRound = 0;
        for (int round = 0; round <= options.repetitions(); round++) {
            boolean warmUp = round == 0;
            List<Store> order = new ArrayList<>(List.of(Store.values()));
            java.util.Collections.rotate(order, round);
            for (Store store : order) {
                Workload workload = new Workload(options.seed() + round, "");
                List<Plan> partners = workload.partnersFor(options.throughputAgreements());
                List<Plan> agreements = agreements(workload, options.throughputAgreements());
                commandsPerRound = PlanRunner.commands(agreements);
                try (RunningApp app = RunningApp.start(
                        "rates-" + store.key,
                        store.application,
                        dir.resolve("round-" + round).resolve(store.key),
                        store.properties())) {
                    CommandPort inProcess = new InProcessCommands(app.bean(CommandGateway.class));
                    PlanRunner.run(partners, options.threads(), inProcess, new Counters());
                    System.gc();
                    long nanos = PlanRunner.run(
                            agreements, options.threads(), inProcess, new Counters(), "client-" + store.key);
                    double rate = perSecond(commandsPerRound, nanos);
                    log(String.format(
                            Locale.ROOT,
                            "[commands] round %d%s: %s in-process %,.0f commands/s",
                            round,
                            warmUp ? " (warm-up)" : "",
                            store.key,
                            rate));
                    if (!warmUp) {
                        rates.get(store.key).add(rate);
                    }
                    if (store == Store.EMBEDDED) {
                        httpRates(app, round, warmUp, rates);
                    }
                }
            }
        }
        String how = String.format(
                Locale.ROOT,
                "%s × %,d commands (%d agreements), %d client threads, a fresh store each round",
                times(options.repetitions(), "round"),
                commandsPerRound,
                options.throughputAgreements(),
                options.threads());
        for (Store store : Store.values()) {
            report.add("commands." + store.key, store.figure, median(rates.get(store.key)), "commands/s", how);
        }
        report.add(
                "commands.http",
                "commands over HTTP (same load, durable embedded store, hash chain on)",
                median(rates.get("http")),
                "commands/s",
                how);
        report.add(
                "http.noOp",
                "the same requests over HTTP to a no-op endpoint of the same server",
                median(rates.get("noOp")),
                "requests/s",
                how);
    }

    private void httpRates(RunningApp app, int round, boolean warmUp, Map<String, List<Double>> rates) {
        Workload workload = new Workload(options.seed() + round, "h-");
        List<Plan> partners = workload.partnersFor(options.throughputAgreements());
        List<Plan> agreements = agreements(workload, options.throughputAgreements());
        long commands = PlanRunner.commands(agreements);
        LedgerHttp http = new LedgerHttp(app.port());
        PlanRunner.run(
                partners, options.threads(), new InProcessCommands(app.bean(CommandGateway.class)), new Counters());
        // alternate which goes first, so that neither always meets a colder or a warmer server
        boolean noOpFirst = round % 2 == 1;
        for (int i = 0; i < 2; i++) {
            boolean noOp = (i == 0) == noOpFirst;
            System.gc();
            long nanos = PlanRunner.run(
                    agreements,
                    options.threads(),
                    noOp ? HttpCommands.noOp(http) : HttpCommands.of(http),
                    new Counters(),
                    noOp ? "client-http-no-op" : "client-http");
            double rate = perSecond(commands, nanos);
            log(String.format(
                    Locale.ROOT,
                    "[commands] round %d%s: %s %,.0f requests/s",
                    round,
                    warmUp ? " (warm-up)" : "",
                    noOp ? "HTTP no-op" : "HTTP commands",
                    rate));
            if (!warmUp) {
                rates.get(noOp ? "noOp" : "http").add(rate);
            }
        }
    }

    private static List<Plan> agreements(Workload workload, int count) {
        List<Plan> plans = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            plans.add(workload.nextAgreement());
        }
        return plans;
    }

    // ---- 2. the main store -------------------------------------------------------------------

    private void mainStore(Path dir) {
        Workload workload = new Workload(options.seed(), "");
        LongAgreement longAgreement = workload.longAgreement(options.bigAgreementEvents());
        try (RunningApp app = RunningApp.start("ledger", LedgerBenchmarkApplication.class, dir, Map.of())) {
            CommandPort commands = new InProcessCommands(app.bean(CommandGateway.class));
            Counters regular = new Counters();
            Counters longOne = new Counters();

            stopViewProcessors(app);
            long generationStart = System.nanoTime();
            try (Progress progress = new Progress(regular, longOne, options.bigAgreementEvents())) {
                generate(workload, commands, regular, options.checkpoint());
                progress.report();
            }
            long checkpointNanos = System.nanoTime() - generationStart;
            long checkpointCommands = regular.commands.get();
            log(String.format(Locale.ROOT, "[views] building the views of %,d events", regular.events.get()));
            rebuildViews(app);
            long atCheckpoint = regular.events.get();
            queries(app, workload.bodies(), "checkpoint", atCheckpoint);
            liveProjection(app, workload, commands, "checkpoint", atCheckpoint);

            stopViewProcessors(app);
            AtomicReference<RuntimeException> longFailure = new AtomicReference<>();
            long phaseStart = System.nanoTime();
            try (Progress progress = new Progress(regular, longOne, options.bigAgreementEvents())) {
                PlanRunner.run(longAgreement.partners(), 1, commands, longOne);
                Thread builder = new Thread(
                        () -> {
                            try {
                                PlanRunner.run(List.of(longAgreement.agreement()), 1, commands, longOne);
                            } catch (RuntimeException e) {
                                longFailure.set(e);
                            }
                        },
                        "benchmark-long-agreement");
                builder.start();
                long regularTarget =
                        options.events() - longAgreement.agreement().events() - 2;
                generate(workload, commands, regular, regularTarget);
                join(builder);
                progress.report();
            }
            if (longFailure.get() != null) {
                throw longFailure.get();
            }
            long generationNanos = checkpointNanos + (System.nanoTime() - phaseStart);
            long totalEvents = regular.events.get() + longOne.events.get();
            long totalCommands = regular.commands.get() + longOne.commands.get();
            Instant generated = Instant.now();
            log(String.format(
                    Locale.ROOT,
                    "[generate] done: %,d events from %,d commands in %,.0f s (%,d partners, long agreement %,d events)",
                    totalEvents,
                    totalCommands,
                    generationNanos / 1e9,
                    workload.bodies().size(),
                    longOne.events.get()));
            report.add(
                    "generation.rate",
                    String.format(
                            Locale.ROOT,
                            "generation through the command path (in-process, both sides, view processors stopped), %,d events",
                            totalEvents),
                    perSecond(totalEvents, generationNanos),
                    "events/s",
                    String.format(
                            Locale.ROOT,
                            "1 run: %,d commands in %,.0f s, %d + 1 client threads",
                            totalCommands,
                            generationNanos / 1e9,
                            options.threads()));
            log(String.format(Locale.ROOT, "[views] building the views of %,d events", totalEvents));
            rebuildViews(app);

            replays(app, totalEvents);
            queries(app, withLongAgreementParty(workload.bodies(), longAgreement), "full", totalEvents);
            liveProjection(app, workload, commands, "full", totalEvents);
            asOf(app, workload, longAgreement, generated, totalEvents);
            commandLatency(app, commands, workload, longAgreement, false);
            report.add(
                    "generation.checkpointRate",
                    String.format(Locale.ROOT, "generation of the first %,d events (the checkpoint)", atCheckpoint),
                    perSecond(atCheckpoint, checkpointNanos),
                    "events/s",
                    String.format(Locale.ROOT, "1 run: %,d commands", checkpointCommands));
        }
        // the same store once more, its aggregates not cached: what a command costs that loads the
        // snapshot and the events after it
        try (RunningApp app =
                RunningApp.start("ledger-uncached", LedgerBenchmarkApplication.class, dir, Map.of(UNCACHED, "0"))) {
            commandLatency(app, new InProcessCommands(app.bean(CommandGateway.class)), workload, longAgreement, true);
        }
    }

    private static List<String> withLongAgreementParty(List<String> bodies, LongAgreement longAgreement) {
        List<String> all = new ArrayList<>(bodies);
        all.add(longAgreement.party());
        return all;
    }

    /** Grows the store with waves of bodies and agreements until {@code counters} reach {@code target} events. */
    private void generate(Workload workload, CommandPort commands, Counters counters, long target) {
        long waveEvents = Math.max(2_000, Math.min(50_000, target / 40));
        while (counters.events.get() < target) {
            long budget = Math.min(waveEvents, target - counters.events.get());
            List<Plan> bodies = workload.partnersFor((int) Math.max(1, budget / 45));
            PlanRunner.run(bodies, options.threads(), commands, counters);
            List<Plan> agreements = new ArrayList<>();
            long planned = PlanRunner.events(bodies);
            while (planned < budget) {
                Plan plan = workload.nextAgreement();
                agreements.add(plan);
                planned += plan.events();
            }
            PlanRunner.run(agreements, options.threads(), commands, counters);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Prints the generation's progress every five seconds. */
    private final class Progress implements AutoCloseable {
        private final Counters regular;
        private final Counters longOne;
        private final long longTarget;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "benchmark-progress");
            thread.setDaemon(true);
            return thread;
        });
        private final long start = System.nanoTime();
        private final long startEvents;
        private long lastNanos = start;
        private long lastEvents;

        Progress(Counters regular, Counters longOne, long longTarget) {
            this.regular = regular;
            this.longOne = longOne;
            this.longTarget = longTarget;
            this.startEvents = events();
            this.lastEvents = startEvents;
            timer.scheduleAtFixedRate(this::report, 5, 5, TimeUnit.SECONDS);
        }

        private long events() {
            return regular.events.get() + longOne.events.get();
        }

        synchronized void report() {
            long now = System.nanoTime();
            long events = events();
            log(String.format(
                    Locale.ROOT,
                    "[generate] %,d of %,d events (%.1f %%), %,.0f events/s now, %,.0f events/s in this phase;"
                            + " long agreement %,d of %,d",
                    events,
                    options.events(),
                    100.0 * events / options.events(),
                    perSecond(events - lastEvents, now - lastNanos),
                    perSecond(events - startEvents, now - start),
                    longOne.events.get(),
                    longTarget));
            lastNanos = now;
            lastEvents = events;
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    // ---- views: processors, rebuilds, replays ------------------------------------------------

    private static List<StreamingEventProcessor> viewProcessors(RunningApp app) {
        EventProcessingConfiguration processing = app.bean(EventProcessingConfiguration.class);
        List<StreamingEventProcessor> processors = new ArrayList<>();
        for (String name : ViewProcessors.ALL) {
            processing.eventProcessor(name, StreamingEventProcessor.class).ifPresent(processors::add);
        }
        return processors;
    }

    private static void stopViewProcessors(RunningApp app) {
        viewProcessors(app).forEach(StreamingEventProcessor::shutDown);
    }

    /**
     * Builds the views of everything stored with one replay, with the view processors (stopped
     * while the store grew) set to its head first, so that they resume from there when the replay
     * switches over instead of going over every event again.
     */
    private void rebuildViews(RunningApp app) {
        for (StreamingEventProcessor processor : viewProcessors(app)) {
            processor.shutDown();
            processor.resetTokens(StreamableMessageSource::createHeadToken);
        }
        ReplayJob job = replay(app);
        log(String.format(
                Locale.ROOT,
                "[views] replay %s: %,d events in %,.1f s",
                job.status(),
                job.eventsProcessed(),
                Duration.between(job.startedAt(), job.finishedAt()).toMillis() / 1000.0));
    }

    private static ReplayJob replay(RunningApp app) {
        Replays replays = app.bean(Replays.class);
        ReplayJob job = replays.start(RunningApp.USER);
        Instant deadline = Instant.now().plus(REPLAY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            ReplayJob now = replays.find(job.id()).orElseThrow();
            if (now.status() == ReplayJob.Status.COMPLETED) {
                return now;
            }
            if (now.status() != ReplayJob.Status.RUNNING) {
                throw new IllegalStateException("Replay " + now.status() + ": " + now.error());
            }
            sleep(20);
        }
        throw new IllegalStateException("Replay not done within " + REPLAY_TIMEOUT);
    }

    /**
     * Full replays, the raw read of the event store (the ceiling) and the naive batch-size-1
     * projection, one after the other in each repetition, in turns.
     */
    private void replays(RunningApp app, long totalEvents) {
        EventStoreReader reader = app.bean(EventStoreReader.class);
        MongoDatabase database = app.bean(MongoDatabase.class);
        AgreementViews agreements = app.bean(AgreementViews.class);
        List<Double> replayRates = new ArrayList<>();
        List<Double> readRates = new ArrayList<>();
        List<Double> naiveRates = new ArrayList<>();
        List<Double> payloadRates = new ArrayList<>();
        List<Double> foldRates = new ArrayList<>();
        List<Double> writeRates = new ArrayList<>();
        long[] documents = new long[1];
        long naiveEvents = 0;
        for (int rep = 1; rep <= options.repetitions(); rep++) {
            List<Runnable> turns = new ArrayList<>();
            int r = rep;
            turns.add(() -> {
                System.gc();
                ReplayJob job = replay(app);
                double seconds =
                        Duration.between(job.startedAt(), job.finishedAt()).toNanos() / 1e9;
                double rate = job.eventsProcessed() / Math.max(seconds, 1e-3);
                replayRates.add(rate);
                log(String.format(
                        Locale.ROOT,
                        "[replay] %d: full replay %,d events in %.1f s, %,.0f events/s",
                        r,
                        job.eventsProcessed(),
                        seconds,
                        rate));
            });
            turns.add(() -> {
                System.gc();
                long head = reader.head();
                AtomicLong read = new AtomicLong();
                long start = System.nanoTime();
                reader.read(-1, head, (message, position) -> read.incrementAndGet(), n -> {});
                long nanos = System.nanoTime() - start;
                double rate = perSecond(read.get(), nanos);
                readRates.add(rate);
                log(String.format(
                        Locale.ROOT,
                        "[replay] %d: raw read %,d events in %.1f s, %,.0f events/s",
                        r,
                        read.get(),
                        nanos / 1e9,
                        rate));
            });
            turns.add(() -> {
                System.gc();
                long head = reader.head();
                AtomicLong read = new AtomicLong();
                long start = System.nanoTime();
                reader.read(
                        -1,
                        head,
                        (message, position) -> {
                            if (message.getPayload() != null && message.getTimestamp() != null) {
                                read.incrementAndGet();
                            }
                        },
                        n -> {});
                long nanos = System.nanoTime() - start;
                double rate = perSecond(read.get(), nanos);
                payloadRates.add(rate);
                log(String.format(
                        Locale.ROOT,
                        "[replay] %d: read with payloads and timestamps %,d events in %.1f s, %,.0f events/s",
                        r,
                        read.get(),
                        nanos / 1e9,
                        rate));
            });
            turns.add(() -> {
                System.gc();
                long[] result = foldThenWrite(reader, database, agreements, 2000 + r);
                foldRates.add(perSecond(result[0], result[1]));
                writeRates.add(perSecond(result[0], result[2]));
                documents[0] = result[3];
                log(String.format(
                        Locale.ROOT,
                        "[replay] %d: fold %,d events in memory in %.1f s (%,.0f events/s); write %,d documents in %.1f s",
                        r,
                        result[0],
                        result[1] / 1e9,
                        perSecond(result[0], result[1]),
                        result[3],
                        result[2] / 1e9));
            });
            long[] naiveCount = new long[1];
            turns.add(() -> {
                System.gc();
                long[] result = naiveProjection(app, reader, database, 1000 + r);
                naiveCount[0] = result[0];
                double rate = perSecond(result[0], result[1]);
                naiveRates.add(rate);
                log(String.format(
                        Locale.ROOT,
                        "[replay] %d: batch-size-1 projection %,d events in %.1f s, %,.0f events/s",
                        r,
                        result[0],
                        result[1] / 1e9,
                        rate));
            });
            java.util.Collections.rotate(turns, rep - 1);
            turns.forEach(Runnable::run);
            naiveEvents = Math.max(naiveEvents, naiveCount[0]);
        }
        String reps = times(options.repetitions(), "run");
        report.add(
                "replay.full",
                String.format(
                        Locale.ROOT,
                        "full replay of every view (Replays: fold in memory, bulk insert), %,d events",
                        totalEvents),
                median(replayRates),
                "events/s",
                reps + ", from the replay's start to its switch-over");
        report.add(
                "replay.rawRead",
                "raw event-store read (EventStoreReader.read, doing nothing: the ceiling)",
                median(readRates),
                "events/s",
                reps + ", every event");
        report.add(
                "replay.readPayloads",
                "event-store read with payloads and timestamps deserialized (what any replay reads)",
                median(payloadRates),
                "events/s",
                reps + ", every event");
        report.add(
                "replay.foldOnly",
                "replay part 1: read and fold every view in memory (ReplayedViews), no writes",
                median(foldRates),
                "events/s",
                reps + ", every event");
        report.add(
                "replay.writeOnly",
                "replay part 2: the folded views as documents, inserted in bulk (unordered, 500 a batch)",
                median(writeRates),
                "events/s",
                String.format(
                        Locale.ROOT,
                        "%s; events of the store per second of writing %,d documents",
                        reps,
                        documents[0]));
        report.add(
                "replay.batchSizeOne",
                "batch-size-1 projection (Projectors per event into a fresh generation: the naive way)",
                median(naiveRates),
                "events/s",
                String.format(
                        Locale.ROOT,
                        "%s, each stopped after %d s (up to %,d events from the start of the store)",
                        reps,
                        options.naiveSeconds(),
                        naiveEvents));
    }

    /**
     * The two halves of a replay, timed apart: the fold in memory, then the documents written in
     * bulk into a scratch generation the way the replay writes them.
     *
     * @return events, fold nanoseconds, write nanoseconds, documents
     */
    private static long[] foldThenWrite(
            EventStoreReader reader, MongoDatabase database, AgreementViews agreements, long generation) {
        GenerationWriter writer = new GenerationWriter(database, generation, 500);
        writer.clear();
        ReplayedViews views = new ReplayedViews(agreements.checkpointInterval());
        long start = System.nanoTime();
        reader.replay(-1, reader.head(), views, n -> {});
        long folded = System.nanoTime();
        long documents = writer.write(views);
        long written = System.nanoTime();
        writer.clear();
        return new long[] {views.events(), folded - start, written - folded, documents};
    }

    /**
     * The projections' own per-event path, one event at a time, into a scratch generation: load the
     * view, fold, write it back, rewrite the ledgers. Stops after the time budget.
     *
     * @return events projected and nanoseconds taken
     */
    private long[] naiveProjection(RunningApp app, EventStoreReader reader, MongoDatabase database, long generation) {
        PartnerViews partners = app.bean(PartnerViews.class).ofGeneration(generation);
        AgreementViews agreements = app.bean(AgreementViews.class).ofGeneration(generation);
        PartnerLedgers ledgers = app.bean(PartnerLedgers.class).ofGeneration(generation);
        dropGeneration(database, generation);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.naiveSeconds());
        AtomicLong count = new AtomicLong();
        long start = System.nanoTime();
        reader.scan(
                -1,
                reader.head(),
                Long.MAX_VALUE,
                (message, position) -> {
                    if (message instanceof DomainEventMessage<?> event) {
                        Object payload = event.getPayload();
                        if (payload instanceof PartnerEvent partnerEvent) {
                            Projectors.partner(partners, partnerEvent, event.getSequenceNumber(), event.getTimestamp());
                        } else if (payload instanceof AgreementEvent agreementEvent) {
                            Projectors.agreement(
                                    agreements,
                                    ledgers,
                                    agreementEvent,
                                    event.getSequenceNumber(),
                                    event.getTimestamp());
                        }
                    }
                    count.incrementAndGet();
                    return System.nanoTime() < deadline;
                },
                n -> {});
        long nanos = System.nanoTime() - start;
        dropGeneration(database, generation);
        return new long[] {count.get(), nanos};
    }

    private static void dropGeneration(MongoDatabase database, long generation) {
        new GenerationWriter(database, generation, 500).clear();
    }

    // ---- live projection -----------------------------------------------------------------------

    /**
     * How fast the running view processors apply new events to views of this size: per
     * repetition, a burst of agreements is stored with the processors stopped, then they are
     * started and timed until they have caught up with the store's head.
     */
    private void liveProjection(RunningApp app, Workload workload, CommandPort commands, String at, long events) {
        EventStoreReader reader = app.bean(EventStoreReader.class);
        ViewConsistency consistency = app.bean(ViewConsistency.class);
        List<Double> rates = new ArrayList<>();
        long burst = 0;
        for (int rep = 1; rep <= options.repetitions(); rep++) {
            stopViewProcessors(app);
            long before = reader.head();
            PlanRunner.run(agreements(workload, LIVE_BURST_AGREEMENTS), options.threads(), commands, new Counters());
            long head = reader.head();
            burst = head - before;
            System.gc();
            long start = System.nanoTime();
            viewProcessors(app).forEach(StreamingEventProcessor::start);
            long deadline = start + TimeUnit.MINUTES.toNanos(30);
            while (!consistency.hasProcessed(head)) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("the view processors did not catch up within 30 minutes");
                }
                sleep(5);
            }
            double rate = perSecond(burst, System.nanoTime() - start);
            rates.add(rate);
            log(String.format(
                    Locale.ROOT,
                    "[live] %,d events, %d: view processors applied a burst of %,d events at %,.0f events/s",
                    events,
                    rep,
                    burst,
                    rate));
        }
        report.add(
                "live." + at,
                String.format(
                        Locale.ROOT,
                        "view processors catching up a burst of new events, views of %,d events (embedded store)",
                        events),
                median(rates),
                "events/s",
                String.format(
                        Locale.ROOT,
                        "%s × about %,d events (%d agreements stored while the processors were stopped), from their start"
                                + " to the store's head",
                        times(options.repetitions(), "run"),
                        burst,
                        LIVE_BURST_AGREEMENTS));
    }

    // ---- queries -----------------------------------------------------------------------------

    private void queries(RunningApp app, List<String> partners, String at, long events) {
        LedgerHttp http = new LedgerHttp(app.port());
        Random random = new Random(options.seed() + events);
        for (int i = 0; i < Math.min(1000, options.querySamples()); i++) {
            String partner = partners.get(random.nextInt(partners.size()));
            http.get("/api/partners/" + partner + "/services").expect(200);
            http.get("/api/partners/" + partner + "/savings").expect(200);
        }
        List<Double> servicesP50 = new ArrayList<>();
        List<Double> servicesP99 = new ArrayList<>();
        List<Double> savingsP50 = new ArrayList<>();
        List<Double> savingsP99 = new ArrayList<>();
        for (int rep = 1; rep <= options.repetitions(); rep++) {
            double[] services = new double[options.querySamples()];
            double[] savings = new double[options.querySamples()];
            System.gc();
            for (int i = 0; i < options.querySamples(); i++) {
                String partner = partners.get(random.nextInt(partners.size()));
                boolean servicesFirst = i % 2 == 0;
                for (int k = 0; k < 2; k++) {
                    boolean asksServices = (k == 0) == servicesFirst;
                    String path = "/api/partners/" + partner + (asksServices ? "/services" : "/savings");
                    long start = System.nanoTime();
                    http.get(path).expect(200);
                    double ms = millis(System.nanoTime() - start);
                    if (asksServices) {
                        services[i] = ms;
                    } else {
                        savings[i] = ms;
                    }
                }
            }
            servicesP50.add(percentile(services, 50));
            servicesP99.add(percentile(services, 99));
            savingsP50.add(percentile(savings, 50));
            savingsP99.add(percentile(savings, 99));
            log(String.format(
                    Locale.ROOT,
                    "[queries] %,d events, %d: services p50 %.2f ms p99 %.2f ms, savings p50 %.2f ms p99 %.2f ms",
                    events,
                    rep,
                    percentile(services, 50),
                    percentile(services, 99),
                    percentile(savings, 50),
                    percentile(savings, 99)));
        }
        String how = String.format(
                Locale.ROOT,
                "%s × %,d requests over HTTP, partners drawn at random from %,d",
                times(options.repetitions(), "run"),
                options.querySamples(),
                partners.size());
        String label = String.format(Locale.ROOT, "at %,d events", events);
        report.add(
                "query.services.p50." + at,
                "GET /api/partners/{id}/services p50, " + label,
                median(servicesP50),
                "ms",
                how);
        report.add(
                "query.services.p99." + at,
                "GET /api/partners/{id}/services p99, " + label,
                median(servicesP99),
                "ms",
                how);
        report.add(
                "query.savings.p50." + at,
                "GET /api/partners/{id}/savings p50, " + label,
                median(savingsP50),
                "ms",
                how);
        report.add(
                "query.savings.p99." + at,
                "GET /api/partners/{id}/savings p99, " + label,
                median(savingsP99),
                "ms",
                how);
    }

    // ---- as-of -------------------------------------------------------------------------------

    private void asOf(RunningApp app, Workload workload, LongAgreement longAgreement, Instant asOf, long events) {
        LedgerHttp http = new LedgerHttp(app.port());
        Random random = new Random(options.seed() * 31 + events);
        List<String> bodies = workload.bodies();
        String query = "/savings?asOf=" + asOf;
        http.get("/api/partners/" + bodies.get(0) + query).expect(200);
        List<Double> typicalP50 = new ArrayList<>();
        List<Double> typicalMax = new ArrayList<>();
        List<Double> longParty = new ArrayList<>();
        for (int rep = 1; rep <= options.repetitions(); rep++) {
            double[] times = new double[options.asOfSamples()];
            System.gc();
            for (int i = 0; i < times.length; i++) {
                String partner = bodies.get(random.nextInt(bodies.size()));
                long start = System.nanoTime();
                http.get("/api/partners/" + partner + query).expect(200);
                times[i] = millis(System.nanoTime() - start);
            }
            long start = System.nanoTime();
            http.get("/api/partners/" + longAgreement.party() + query).expect(200);
            double longMs = millis(System.nanoTime() - start);
            typicalP50.add(percentile(times, 50));
            typicalMax.add(percentile(times, 100));
            longParty.add(longMs);
            log(String.format(
                    Locale.ROOT,
                    "[as-of] %d: typical partner p50 %.1f ms, max %.1f ms; party of the long agreement %.1f ms",
                    rep,
                    percentile(times, 50),
                    percentile(times, 100),
                    longMs));
        }
        String label = String.format(Locale.ROOT, "on %,d events", events);
        report.add(
                "asOf.typical.p50",
                "as-of savings of one partner (GET …/savings?asOf=end of generation), typical partner p50, " + label,
                median(typicalP50),
                "ms",
                String.format(
                        Locale.ROOT,
                        "%s × %d partners drawn at random, over HTTP",
                        times(options.repetitions(), "run"),
                        options.asOfSamples()));
        report.add(
                "asOf.typical.max",
                "as-of savings of one partner, slowest of the drawn partners, " + label,
                median(typicalMax),
                "ms",
                String.format(
                        Locale.ROOT, "%s × %d partners", times(options.repetitions(), "run"), options.asOfSamples()));
        report.add(
                "asOf.longParty",
                String.format(
                        Locale.ROOT,
                        "as-of savings of the party of the %,d-event agreement, %s",
                        longAgreement.agreement().events(),
                        label),
                median(longParty),
                "ms",
                times(options.repetitions(), "run") + ", over HTTP");
    }

    // ---- command latency ---------------------------------------------------------------------

    private void commandLatency(
            RunningApp app, CommandPort commands, Workload workload, LongAgreement longAgreement, boolean uncached) {
        stopViewProcessors(app);
        List<Double> freshP50 = new ArrayList<>();
        List<Double> freshP99 = new ArrayList<>();
        List<Double> longP50 = new ArrayList<>();
        List<Double> longP99 = new ArrayList<>();
        String longId = longAgreement.agreement().id();
        int booked = 0;
        for (int rep = 0; rep <= options.repetitions(); rep++) {
            boolean warmUp = rep == 0;
            int samples = warmUp ? Math.min(50, options.latencySamples()) : options.latencySamples();
            List<Plan> fresh = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                fresh.add(workload.tenEventAgreement((uncached ? "g-" : "f-") + rep + "-" + i));
            }
            PlanRunner.run(fresh, options.threads(), commands, new Counters());
            double[] freshMs = new double[samples];
            double[] longMs = new double[samples];
            System.gc();
            for (int i = 0; i < samples; i++) {
                RecordCostEntry onFresh = workload.extraEntry(fresh.get(i), "e5");
                RecordCostEntry onLong = new RecordCostEntry(
                        longId,
                        longAgreement.bookingDelegation(),
                        (uncached ? "c" : "m") + booked++,
                        longAgreement.bookingParty(),
                        2024,
                        CostKind.ACTUAL,
                        BigDecimal.valueOf(120_000 + i, 2),
                        null);
                boolean freshFirst = i % 2 == 0;
                for (int k = 0; k < 2; k++) {
                    boolean onFreshNow = (k == 0) == freshFirst;
                    long start = System.nanoTime();
                    commands.send(onFreshNow ? onFresh : onLong);
                    double ms = millis(System.nanoTime() - start);
                    if (onFreshNow) {
                        freshMs[i] = ms;
                    } else {
                        longMs[i] = ms;
                    }
                }
            }
            log(String.format(
                    Locale.ROOT,
                    "[latency%s] %d%s: 10-event agreement p50 %.2f ms p99 %.2f ms; long agreement p50 %.2f ms p99 %.2f ms",
                    uncached ? ", uncached" : "",
                    rep,
                    warmUp ? " (warm-up)" : "",
                    percentile(freshMs, 50),
                    percentile(freshMs, 99),
                    percentile(longMs, 50),
                    percentile(longMs, 99)));
            if (!warmUp) {
                freshP50.add(percentile(freshMs, 50));
                freshP99.add(percentile(freshMs, 99));
                longP50.add(percentile(longMs, 50));
                longP99.add(percentile(longMs, 99));
            }
        }
        String how = String.format(
                Locale.ROOT,
                "%s × %d RecordCostEntry in-process, one at a time, the two agreements in turns, view processors stopped",
                times(options.repetitions(), "run"),
                options.latencySamples());
        String longLabel = String.format(
                Locale.ROOT,
                "agreement of %,d events",
                longAgreement.agreement().events());
        if (uncached) {
            String variantHow = how + ", variant: aggregates not cached (ikz.aggregates.cache-size=0)";
            report.add(
                    "latency.uncached.fresh.p50",
                    "variant, aggregates not cached: command latency p50, agreement of 10 events",
                    median(freshP50),
                    "ms",
                    variantHow);
            report.add(
                    "latency.uncached.long.p50",
                    "variant, aggregates not cached: command latency p50, " + longLabel,
                    median(longP50),
                    "ms",
                    variantHow);
            report.add(
                    "latency.uncached.long.p99",
                    "variant, aggregates not cached: command latency p99, " + longLabel,
                    median(longP99),
                    "ms",
                    variantHow);
            return;
        }
        report.add(
                "latency.fresh.p50",
                "command latency p50, agreement of 10 events (as shipped: aggregates cached, snapshots on)",
                median(freshP50),
                "ms",
                how);
        report.add("latency.fresh.p99", "command latency p99, agreement of 10 events", median(freshP99), "ms", how);
        report.add(
                "latency.long.p50",
                "command latency p50, " + longLabel + " (as shipped: cached, snapshot every 100)",
                median(longP50),
                "ms",
                how);
        report.add("latency.long.p99", "command latency p99, " + longLabel, median(longP99), "ms", how);
    }

    // ---- memory and targets ------------------------------------------------------------------

    private void memory(MemoryWatch memory) {
        double mb = 1024 * 1024;
        String how = "whole run, this JVM (suite, every server and client)";
        report.add(
                "memory.heapPeak",
                "peak heap in use (MemoryMXBean, sampled every 100 ms)",
                memory.peakHeapUsedBytes() / mb,
                "MB",
                how);
        report.add(
                "memory.heapPoolPeaks",
                "sum of the heap pools' peaks (GC pool peaks; an upper bound)",
                MemoryWatch.heapPoolPeaksBytes() / mb,
                "MB",
                how);
        report.add(
                "memory.residentPeak",
                "resident memory peak (VmHWM of /proc/self/status)",
                MemoryWatch.residentHighWaterMarkBytes().orElse(0) / mb,
                "MB",
                how);
    }

    /** The targets, each a ratio of two figures of this run. */
    public static void targets(Report report) {
        report.ratioAtLeast("replay ≥ 0.5 × raw read rate", "replay.full", "replay.rawRead", 0.5);
        report.ratioAtLeast("replay ≥ 5 × batch-size-1 rate", "replay.full", "replay.batchSizeOne", 5);
        report.ratioAtLeast(
                "embedded store ≥ 40 % of in-memory command rate", "commands.embedded", "commands.inMemory", 0.4);
        report.ratioAtMost(
                "services p99 at full size ≤ 1.5 × p99 at checkpoint",
                "query.services.p99.full",
                "query.services.p99.checkpoint",
                1.5);
        report.ratioAtMost(
                "savings p99 at full size ≤ 1.5 × p99 at checkpoint",
                "query.savings.p99.full",
                "query.savings.p99.checkpoint",
                1.5);
        report.ratioAtMost(
                "long agreement command ≤ 2 × 10-event agreement (p50)", "latency.long.p50", "latency.fresh.p50", 2);
        report.below(
                "as-of for one partner < 1 s (typical partner, p50)",
                "asOf.typical.p50 / 1000 ms",
                report.value("asOf.typical.p50") / 1000,
                1);
        report.below(
                "as-of for one partner < 1 s (party of the long agreement)",
                "asOf.longParty / 1000 ms",
                report.value("asOf.longParty") / 1000,
                1);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static String times(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private void log(String line) {
        log.println(line);
        log.flush();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // best effort: what is left is in the temporary directory
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
