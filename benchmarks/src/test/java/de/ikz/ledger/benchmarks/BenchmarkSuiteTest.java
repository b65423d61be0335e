package de.ikz.ledger.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import de.ikz.ledger.benchmarks.measure.Report;
import de.ikz.ledger.benchmarks.measure.Report.Row;
import de.ikz.ledger.benchmarks.measure.Report.Target;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole suite at a tiny size, once: proves that it runs end to end and fills every row of its
 * table. It asserts no timing; the figures of a run this small mean nothing.
 */
class BenchmarkSuiteTest {

    static final List<String> ROWS = List.of(
            "generation.rate",
            "generation.checkpointRate",
            "commands.embedded",
            "commands.inMemory",
            "commands.embeddedNoChain",
            "commands.embeddedUncached",
            "commands.inMemoryUncached",
            "commands.embeddedHandlerTimeouts",
            "commands.embeddedUncachedHandlerTimeouts",
            "commands.http",
            "http.noOp",
            "replay.full",
            "replay.rawRead",
            "replay.readPayloads",
            "replay.foldOnly",
            "replay.writeOnly",
            "replay.batchSizeOne",
            "query.services.p50.checkpoint",
            "query.services.p99.checkpoint",
            "query.savings.p50.checkpoint",
            "query.savings.p99.checkpoint",
            "query.services.p50.full",
            "query.services.p99.full",
            "query.savings.p50.full",
            "query.savings.p99.full",
            "live.checkpoint",
            "live.full",
            "latency.fresh.p50",
            "latency.fresh.p99",
            "latency.long.p50",
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

    @TempDir
    Path dataDir;

    @Test
    void theWholeSuiteRunsAtATinySizeAndFillsEveryRowOfItsTable() {
        BenchmarkOptions options = BenchmarkOptions.parse(
                "--events=2000",
                "--repetitions=1",
                "--threads=2",
                "--throughput-agreements=8",
                "--query-samples=20",
                "--latency-samples=5",
                "--as-of-samples=2",
                "--naive-seconds=1",
                "--data-dir=" + dataDir);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        Report report = new BenchmarkSuite(options, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();

        assertThat(report.rows()).extracting(Row::key).containsExactlyInAnyOrderElementsOf(ROWS);
        for (Row row : report.rows()) {
            assertThat(row.median()).as(row.key()).isPositive().isFinite();
        }
        assertThat(report.targets()).hasSize(8);
        for (Target target : report.targets()) {
            assertThat(target.measured()).as(target.name()).isPositive().isFinite();
        }
        String table = report.render();
        report.rows().forEach(row -> assertThat(table).contains(row.figure()));
        report.targets().forEach(target -> assertThat(table).contains(target.name()));
        assertThat(table.lines().filter(line -> line.endsWith("| PASS |") || line.endsWith("| MISS |")))
                .hasSize(8);
        assertThat(progress.toString(StandardCharsets.UTF_8))
                .contains("[generate]")
                .contains("events/s")
                .contains("%");
        assertThat(Files.exists(dataDir)).isTrue();
    }

    @Test
    void sizesFollowTheEventsUnlessGiven() {
        BenchmarkOptions big = BenchmarkOptions.parse("--events=1000000");
        assertThat(big.checkpoint()).isEqualTo(10_000);
        assertThat(big.bigAgreementEvents()).isEqualTo(100_000);
        assertThat(big.repetitions()).isEqualTo(5);

        BenchmarkOptions small = BenchmarkOptions.parse("--events=2000");
        assertThat(small.checkpoint()).isEqualTo(400);
        assertThat(small.bigAgreementEvents()).isEqualTo(200);
    }
}
