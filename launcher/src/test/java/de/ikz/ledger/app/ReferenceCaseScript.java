package de.ikz.ledger.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs the README's {@code scripts/load-reference-case.sh} against a running service. */
public final class ReferenceCaseScript {

    private ReferenceCaseScript() {}

    /** Runs the script against {@code http://127.0.0.1:<port>} and answers its exit code and output. */
    public static Result run(int port) throws IOException, InterruptedException {
        Path script = Path.of("..", "scripts", "load-reference-case.sh")
                .toAbsolutePath()
                .normalize();
        Process process = new ProcessBuilder("bash", script.toString(), "http://127.0.0.1:" + port)
                .redirectErrorStream(true)
                .start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
            return new Result(-1, output);
        }
        return new Result(process.exitValue(), output);
    }

    /** Runs the script and fails unless it loaded the whole reference case. */
    public static void load(int port) throws IOException, InterruptedException {
        Result result = run(port);
        if (result.exitCode() != 0 || !result.output().contains("Loaded: 23 requests")) {
            throw new IllegalStateException("the reference case did not load:\n" + result.output());
        }
    }

    /** What the script answered. */
    public record Result(int exitCode, String output) {}
}
