package de.ikz.ledger.benchmarks;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What the suite measures and how often.
 *
 * @param events events the main store holds at the end (all generated through the command path)
 * @param checkpoint the smaller store size at which the queries are measured first
 * @param bigAgreementEvents events of the one long agreement (command latency, as-of of its party)
 * @param repetitions repetitions of every measurement; the table shows their median
 * @param threads client threads that send commands (in-process and over HTTP)
 * @param throughputAgreements agreements per round of the command-rate comparison
 * @param querySamples requests per query and repetition (p50 and p99 are taken over them)
 * @param latencySamples commands per agreement kind and repetition in the command-latency comparison
 * @param asOfSamples partners per repetition of the as-of query
 * @param naiveSeconds time budget of one batch-size-1 projection run (it is stopped after it)
 * @param dataDir where the stores are kept; a fresh temporary directory (deleted afterwards) when null
 * @param seed seed of the generated data
 */
public record BenchmarkOptions(
        long events,
        long checkpoint,
        long bigAgreementEvents,
        int repetitions,
        int threads,
        int throughputAgreements,
        int querySamples,
        int latencySamples,
        int asOfSamples,
        int naiveSeconds,
        Path dataDir,
        long seed) {

    public static final long DEFAULT_EVENTS = 1_000_000;
    public static final long DEFAULT_CHECKPOINT = 10_000;
    public static final long DEFAULT_BIG_AGREEMENT = 100_000;

    public BenchmarkOptions {
        require(events >= 200, "--events must be at least 200");
        require(checkpoint >= 50 && checkpoint < events, "--checkpoint must lie between 50 and --events");
        require(
                bigAgreementEvents >= 60 && bigAgreementEvents <= events - checkpoint,
                "--big-agreement must lie between 60 and --events minus --checkpoint");
        require(repetitions >= 1, "--repetitions must be at least 1");
        require(threads >= 1 && threads <= 64, "--threads must lie between 1 and 64");
        require(throughputAgreements >= 1, "--throughput-agreements must be at least 1");
        require(querySamples >= 1, "--query-samples must be at least 1");
        require(latencySamples >= 1, "--latency-samples must be at least 1");
        require(asOfSamples >= 1, "--as-of-samples must be at least 1");
        require(naiveSeconds >= 1, "--naive-seconds must be at least 1");
    }

    /**
     * Options from {@code --name=value} arguments. Sizes derive from {@code --events} unless given:
     * the checkpoint is 10,000 events (at most a fifth of the store), the long agreement has
     * 100,000 events (at most a tenth of the store).
     */
    public static BenchmarkOptions parse(String... args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Arguments are --name=value, not " + arg);
            }
            int equals = arg.indexOf('=');
            given.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        long events = longOf(given, "events", DEFAULT_EVENTS);
        long checkpoint = longOf(given, "checkpoint", Math.min(DEFAULT_CHECKPOINT, events / 5));
        long big = longOf(given, "big-agreement", Math.min(DEFAULT_BIG_AGREEMENT, events / 10));
        BenchmarkOptions options = new BenchmarkOptions(
                events,
                checkpoint,
                big,
                (int) longOf(given, "repetitions", 5),
                (int) longOf(given, "threads", 4),
                (int) longOf(given, "throughput-agreements", 100),
                (int) longOf(given, "query-samples", 1000),
                (int) longOf(given, "latency-samples", 200),
                (int) longOf(given, "as-of-samples", 20),
                (int) longOf(given, "naive-seconds", 20),
                given.containsKey("data-dir") ? Path.of(given.remove("data-dir")) : null,
                longOf(given, "seed", 20140522));
        for (String name : new String[] {
            "events",
            "checkpoint",
            "big-agreement",
            "repetitions",
            "threads",
            "throughput-agreements",
            "query-samples",
            "latency-samples",
            "as-of-samples",
            "naive-seconds",
            "seed"
        }) {
            given.remove(name);
        }
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("Unknown options: " + given.keySet());
        }
        return options;
    }

    private static long longOf(Map<String, String> given, String name, long fallback) {
        String value = given.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not " + value);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
