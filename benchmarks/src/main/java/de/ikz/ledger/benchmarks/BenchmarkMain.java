package de.ikz.ledger.benchmarks;

import de.ikz.ledger.benchmarks.measure.Report;

/**
 * Runs the suite and prints its table:
 *
 * <pre>
 * java -jar benchmarks/target/ikz-benchmarks.jar --events=1000000
 * </pre>
 *
 * Options ({@code --name=value}): {@code events}, {@code checkpoint}, {@code big-agreement},
 * {@code repetitions}, {@code threads}, {@code throughput-agreements}, {@code query-samples},
 * {@code latency-samples}, {@code as-of-samples}, {@code naive-seconds}, {@code data-dir}, {@code
 * seed}; see {@link BenchmarkOptions}. Progress goes to standard error, the table to standard
 * output.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {}

    public static void main(String[] args) {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(64);
            return;
        }
        System.setProperty("axoniq.update-checker.disabled", "true");
        Report report = new BenchmarkSuite(options, System.err).run();
        System.out.println(report.render());
        System.out.flush();
        // the servers' non-daemon threads are gone with their contexts; exit all the same
        System.exit(0);
    }
}
