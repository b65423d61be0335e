package de.ikz.ledger.benchmarks.measure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The one table the suite prints: every figure a median over the repetitions, then the targets. */
public final class Report {

    /** One figure. {@code key} is stable (tests and documents refer to it), {@code figure} reads well. */
    public record Row(String key, String figure, double median, String unit, String measuredAs) {}

    /** A target as a ratio of two figures of this run. */
    public record Target(String name, String ratio, double measured, String comparison, double limit, boolean met) {}

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final List<Target> targets = new ArrayList<>();
    private final List<String> header = new ArrayList<>();
    private List<String> order = List.of();

    /** The order the table shows rows in; rows not named follow in the order they were added. */
    public void order(List<String> keys) {
        this.order = List.copyOf(keys);
    }

    public void header(String line) {
        header.add(line);
    }

    public void add(String key, String figure, double median, String unit, String measuredAs) {
        rows.put(key, new Row(key, figure, median, unit, measuredAs));
    }

    public Optional<Row> row(String key) {
        return Optional.ofNullable(rows.get(key));
    }

    public double value(String key) {
        return row(key).orElseThrow(() -> new IllegalStateException("no figure " + key))
                .median();
    }

    /** The rows in the order of the table. */
    public List<Row> rows() {
        List<Row> ordered = new ArrayList<>();
        order.stream().map(rows::get).filter(java.util.Objects::nonNull).forEach(ordered::add);
        rows.values().stream().filter(row -> !order.contains(row.key())).forEach(ordered::add);
        return ordered;
    }

    public List<Target> targets() {
        return List.copyOf(targets);
    }

    /** A target met when {@code measured >= limit}. */
    private void atLeast(String name, String ratio, double measured, double limit) {
        targets.add(new Target(name, ratio, measured, "≥", limit, measured >= limit));
    }

    /** A target met when {@code measured <= limit}. */
    private void atMost(String name, String ratio, double measured, double limit) {
        targets.add(new Target(name, ratio, measured, "≤", limit, measured <= limit));
    }

    /** A target met when {@code measured < limit}. */
    public void below(String name, String ratio, double measured, double limit) {
        targets.add(new Target(name, ratio, measured, "<", limit, measured < limit));
    }

    /** A target on the ratio of two figures of this report: {@code numerator / denominator ≥ limit}. */
    public void ratioAtLeast(String name, String numerator, String denominator, double limit) {
        atLeast(name, numerator + " / " + denominator, value(numerator) / value(denominator), limit);
    }

    /** A target on the ratio of two figures of this report: {@code numerator / denominator ≤ limit}. */
    public void ratioAtMost(String name, String numerator, String denominator, double limit) {
        atMost(name, numerator + " / " + denominator, value(numerator) / value(denominator), limit);
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        header.forEach(line -> out.append(line).append('\n'));
        out.append('\n');
        out.append("| # | figure | median | unit | measured as |\n");
        out.append("|---|---|---:|---|---|\n");
        int n = 1;
        for (Row row : rows()) {
            out.append("| ")
                    .append(n++)
                    .append(" | ")
                    .append(row.figure())
                    .append(" | ")
                    .append(format(row.median()))
                    .append(" | ")
                    .append(row.unit())
                    .append(" | ")
                    .append(row.measuredAs())
                    .append(" |\n");
        }
        out.append('\n');
        out.append("| target | ratio | measured | limit | result |\n");
        out.append("|---|---|---:|---:|---|\n");
        for (Target target : targets) {
            out.append("| ")
                    .append(target.name())
                    .append(" | ")
                    .append(target.ratio())
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.3f", target.measured()))
                    .append(" | ")
                    .append(target.comparison())
                    .append(' ')
                    .append(format(target.limit()))
                    .append(" | ")
                    .append(target.met() ? "PASS" : "MISS")
                    .append(" |\n");
        }
        return out.toString();
    }

    /** Large numbers with thousands separators, small ones with three significant digits. */
    public static String format(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (magnitude >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
