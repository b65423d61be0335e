package de.ikz.ledger.benchmarks.load;

import de.ikz.ledger.benchmarks.load.Workload.Plan;
import de.ikz.ledger.benchmarks.load.Workload.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs plans on a fixed number of client threads: each thread takes the next plan and sends its
 * commands one after the other, so no two threads touch the same aggregate. The first failure
 * stops every thread and is thrown.
 */
public final class PlanRunner {

    /** Commands and events done so far; read by a progress reporter while plans run. */
    public static final class Counters {
        public final AtomicLong commands = new AtomicLong();
        public final AtomicLong events = new AtomicLong();
    }

    private PlanRunner() {}

    /** @return the wall time in nanoseconds */
    public static long run(List<Plan> plans, int threads, CommandPort port, Counters counters) {
        return run(plans, threads, port, counters, "benchmark-client");
    }

    /**
     * @param threadName the client threads' name (numbered), so that profiles tell the loads apart
     * @return the wall time in nanoseconds
     */
    public static long run(List<Plan> plans, int threads, CommandPort port, Counters counters, String threadName) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < Math.min(threads, Math.max(1, plans.size())); t++) {
            Thread worker = new Thread(
                    () -> {
                        for (int i = next.getAndIncrement();
                                i < plans.size() && failure.get() == null;
                                i = next.getAndIncrement()) {
                            Plan plan = plans.get(i);
                            for (Step step : plan.steps()) {
                                if (failure.get() != null) {
                                    return;
                                }
                                try {
                                    port.send(step.command());
                                } catch (RuntimeException e) {
                                    failure.compareAndSet(
                                            null,
                                            new IllegalStateException(
                                                    "Plan " + plan.id() + ": " + step.command() + ": " + e.getMessage(),
                                                    e));
                                    return;
                                }
                                counters.commands.incrementAndGet();
                                counters.events.addAndGet(step.events());
                            }
                        }
                    },
                    threadName + "-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        long elapsed = System.nanoTime() - start;
        if (failure.get() != null) {
            throw failure.get();
        }
        return elapsed;
    }

    public static long commands(List<Plan> plans) {
        return plans.stream().mapToLong(Plan::commands).sum();
    }

    public static long events(List<Plan> plans) {
        return plans.stream().mapToLong(Plan::events).sum();
    }
}
