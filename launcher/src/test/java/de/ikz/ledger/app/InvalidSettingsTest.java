package de.ikz.ledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service started as a program with a wrong setting stops at once: one line names the setting
 * and the problem, no stack trace, and the exit code says "configuration error" (78).
 */
class InvalidSettingsTest {

    @TempDir
    Path workDir;

    @Test
    void aDataDirectoryThatCannotBeCreatedStopsTheStart() throws Exception {
        Started run = start(Map.of(), "--ikz.data-dir=/proc/forbidden");

        run.stoppedWithOneLine("Invalid setting ikz.data-dir (environment variable IKZ_DATA_DIR): the directory"
                + " /proc/forbidden cannot be created");
    }

    @Test
    void aDataDirectoryThatIsAFileStopsTheStart() throws Exception {
        Path file = Files.writeString(workDir.resolve("not-a-directory"), "x");

        Started run = start(Map.of(), "--ikz.data-dir=" + file);

        run.stoppedWithOneLine("Invalid setting ikz.data-dir (environment variable IKZ_DATA_DIR): " + file
                + " exists but is not a directory");
    }

    @Test
    void aMalformedMongoUriStopsTheStartWithoutShowingIt() throws Exception {
        Started run = start(Map.of(), "--ikz.mongo.uri=mongo//admin:s3cret@views.example");

        run.stoppedWithOneLine("Invalid setting ikz.mongo.uri (environment variable IKZ_MONGO_URI): is not a valid"
                + " MongoDB connection string");
        assertThat(run.output()).doesNotContain("s3cret");
    }

    @Test
    void aSnapshotThresholdBelowOneStopsTheStart() throws Exception {
        Started run = start(Map.of(), "--ikz.snapshots.agreement-threshold=0");

        run.stoppedWithOneLine("Invalid setting ikz.snapshots.agreement-threshold (environment variable"
                + " IKZ_SNAPSHOTS_AGREEMENT_THRESHOLD): must be a whole number of at least 1, was 0");
    }

    @Test
    void aMalformedBodySizeFromTheEnvironmentStopsTheStart() throws Exception {
        Started run = start(Map.of("IKZ_HTTP_MAX_BODY_SIZE", "64 kilobytes"));

        run.stoppedWithOneLine("Invalid setting ikz.http.max-body-size (environment variable"
                + " IKZ_HTTP_MAX_BODY_SIZE): '64 kilobytes' is not a data size");
    }

    @Test
    void withStructuredLoggingTheReportIsOneJsonLine() throws Exception {
        Started run =
                start(Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"), "--ikz.snapshots.agreement-threshold=-5");

        assertThat(run.exitCode()).isEqualTo(78);
        List<String> reports = run.linesContaining("Invalid setting ikz.snapshots.agreement-threshold");
        assertThat(reports).hasSize(1);
        var line = new ObjectMapper().readTree(reports.get(0));
        assertThat(line.at("/log/level").asText()).isEqualTo("ERROR");
        assertThat(line.at("/message").asText()).contains("must be a whole number of at least 1, was -5");
        assertThat(run.output()).doesNotContain("\tat ");
    }

    private Started start(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                IkzLedgerApplication.class.getName(),
                "--server.port=0",
                "--server.address=127.0.0.1"));
        command.addAll(List.of(args));
        if (command.stream().noneMatch(arg -> arg.startsWith("--ikz.data-dir="))) {
            command.add("--ikz.data-dir=" + workDir.resolve("data"));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("output.log").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the service did not stop:\n" + Files.readString(workDir.resolve("output.log")));
        }
        return new Started(
                process.exitValue(), Files.readString(workDir.resolve("output.log"), StandardCharsets.UTF_8));
    }

    private record Started(int exitCode, String output) {

        List<String> linesContaining(String text) {
            return output.lines().filter(line -> line.contains(text)).toList();
        }

        void stoppedWithOneLine(String report) {
            assertThat(exitCode).as(output).isEqualTo(78);
            assertThat(linesContaining("Invalid setting"))
                    .as(output)
                    .singleElement()
                    .satisfies(line -> assertThat(line).startsWith(report));
            assertThat(output).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(output).doesNotContain("Tomcat started");
        }
    }
}
