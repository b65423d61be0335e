package de.ikz.ledger.benchmarks.measure;

import java.util.Arrays;
import java.util.List;

/** Medians and percentiles (nearest rank) of measured values. */
public final class Stats {

    private Stats() {}

    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("nothing measured");
        }
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The {@code p}-th percentile by nearest rank: the smallest value with at least p % at or below it. */
    public static double percentile(double[] values, double p) {
        if (values.length == 0) {
            throw new IllegalArgumentException("nothing measured");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    public static double perSecond(long count, long nanos) {
        return count * 1_000_000_000.0 / Math.max(1, nanos);
    }
}
