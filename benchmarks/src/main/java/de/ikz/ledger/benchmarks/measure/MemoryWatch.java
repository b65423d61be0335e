package de.ikz.ledger.benchmarks.measure;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak memory of this process: the heap in use, sampled every 100 ms through the MemoryMXBean;
 * the sum of the heap pools' own peaks (each pool peaks at its own moment, so the sum bounds the
 * true peak from above); and the resident set's high-water mark ({@code VmHWM} of {@code
 * /proc/self/status}).
 */
public final class MemoryWatch implements AutoCloseable {

    private final AtomicLong peakHeapUsed = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    public MemoryWatch() {
        sample();
        sampler = new Thread(
                () -> {
                    while (running) {
                        sample();
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "benchmark-memory-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        peakHeapUsed.accumulateAndGet(used, Math::max);
    }

    public long peakHeapUsedBytes() {
        sample();
        return peakHeapUsed.get();
    }

    public static long heapPoolPeaksBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    public static long maxHeapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    /** {@code VmHWM} in bytes, where {@code /proc/self/status} exists. */
    public static OptionalLong residentHighWaterMarkBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
