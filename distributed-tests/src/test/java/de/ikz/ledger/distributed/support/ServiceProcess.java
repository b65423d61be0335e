package de.ikz.ledger.distributed.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One side of the ledger as a JVM process of its own, started from this module's test classpath
 * and configured only through environment variables, as in a container. Its output goes to a log
 * file that failures quote.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Small and quick to start: the machine runs several of these next to the build. */
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xmx256m",
            "-Xss512k",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError",
            "-Daxoniq.update-checker.disabled=true");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts a side with the given environment (and nothing of the ledger's settings inherited
     * from this JVM's environment), listening on a free port of the loopback interface.
     */
    public static ServiceProcess start(String name, Side side, Settings settings, Path workDir) {
        int port = freePort();
        Path log = workDir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(classpath(side));
        command.add(side.mainClass);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(ServiceProcess::isLedgerSetting);
        environment.putAll(settings.asMap());
        environment.put("SERVER_ADDRESS", "127.0.0.1");
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.put("SPRING_APPLICATION_NAME", name);
        environment.put("SPRING_MAIN_BANNER_MODE", "off");
        environment.put("LOGGING_LEVEL_ORG_AXONFRAMEWORK", "WARN");
        environment.put("LOGGING_LEVEL_DE_BWALDVOGEL", "WARN");
        try {
            return new ServiceProcess(name, builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    private static boolean isLedgerSetting(String variable) {
        return Stream.of("IKZ_", "AXON_", "SPRING_", "SERVER_", "MANAGEMENT_", "LOGGING_", "JAVA_TOOL_OPTIONS")
                .anyMatch(variable::startsWith);
    }

    /**
     * The test classpath holds both sides and their dependencies; each process gets only what its
     * side ships with, so that the command side, as in its image, has no MongoDB driver and the
     * query side none of the command side's classes.
     */
    static String classpath(Side side) {
        String surefire = System.getProperty("surefire.test.class.path");
        String classpath = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        return Stream.of(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .filter(entry -> !side.excludes(Path.of(entry)))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the service answers its readiness probe with 200. */
    public ServiceProcess awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " stopped with exit code " + process.exitValue() + ":\n" + logTail());
            }
            if (readinessStatus() == 200) {
                return this;
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + logTail());
    }

    private int readinessStatus() {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last lines of the service's log, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Ends the process at once, as a crash or a killed container would. */
    public void kill() {
        process.destroyForcibly();
        waitForExit(10);
    }

    /** Asks the process to stop (SIGTERM), then ends it if it does not. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitForExit(15)) {
            process.destroyForcibly();
            waitForExit(10);
        }
    }

    private boolean waitForExit(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The two services and what of the shared test classpath is not theirs. */
    public enum Side {
        COMMAND(
                "de.ikz.ledger.command.CommandSideApplication",
                List.of("query-side", "axon-mongo", "mongodb-driver", "bson", "mongo-java-server")),
        QUERY("de.ikz.ledger.query.QuerySideApplication", List.of("command-side", "distributed-tests"));

        private final String mainClass;
        private final List<String> foreign;

        Side(String mainClass, List<String> foreign) {
            this.mainClass = mainClass;
            this.foreign = foreign;
        }

        /** A jar named after a foreign artifact, or the classes directory of a foreign module. */
        boolean excludes(Path entry) {
            String file = entry.getFileName().toString();
            Path module = entry.getParent() != null
                            && entry.getParent().getFileName() != null
                            && entry.getParent().getFileName().toString().equals("target")
                    ? entry.getParent().getParent()
                    : null;
            String moduleName = module == null || module.getFileName() == null
                    ? ""
                    : module.getFileName().toString();
            return foreign.stream().anyMatch(name -> file.startsWith(name + "-") || moduleName.equals(name));
        }
    }

    /** Settings of a service, as environment variables. */
    public static final class Settings {

        private final Map<String, String> values = new LinkedHashMap<>();

        public Settings set(String variable, String value) {
            values.put(variable, value);
            return this;
        }

        /** An HTTP Basic account; the passwords exist only in these tests. */
        public Settings account(int index, String username, String password, String role) {
            String prefix = "IKZ_SECURITY_ACCOUNTS_" + index + "_";
            return set(prefix + "USERNAME", username)
                    .set(prefix + "PASSWORD", "{noop}" + password)
                    .set(prefix + "ROLE", role);
        }

        public Map<String, String> asMap() {
            return Map.copyOf(values);
        }
    }
}
