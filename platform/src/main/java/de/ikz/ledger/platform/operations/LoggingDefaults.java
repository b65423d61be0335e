package de.ikz.ledger.platform.operations;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Logging defaults of every side. An {@link EnvironmentPostProcessor}, because logging starts before
 * the application's property files are read; anything configured elsewhere wins.
 *
 * <p>The plain console and file lines carry the correlation id after the thread name, as {@code
 * [<id>] }, and nothing where a line has none. The structured formats ({@code
 * logging.structured.format.console=ecs} or {@code logstash}) carry it as field {@code
 * correlationId}.
 */
public class LoggingDefaults implements EnvironmentPostProcessor {

    public static final String CORRELATION_PATTERN = "logging.pattern.correlation";
    /** {@code [<id>] }, or nothing when the line has no correlation id ("[] " is exactly 3 characters). */
    public static final String CORRELATION = "%replace([%X{correlationId}] ){'^.. $', ''}";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment
                .getPropertySources()
                .addLast(new MapPropertySource("ikzLoggingDefaults", Map.of(CORRELATION_PATTERN, CORRELATION)));
    }
}
