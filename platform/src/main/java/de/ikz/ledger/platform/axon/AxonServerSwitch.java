package de.ikz.ledger.platform.axon;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Uses Axon Server exactly when {@code axon.axonserver.servers} is set (for example through
 * {@code AXON_AXONSERVER_SERVERS}); otherwise the embedded event store. An explicit {@code
 * axon.axonserver.enabled} wins.
 */
public class AxonServerSwitch implements EnvironmentPostProcessor {

    static final String SERVERS = "axon.axonserver.servers";
    static final String ENABLED = "axon.axonserver.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(ENABLED)) {
            return;
        }
        boolean serversConfigured = StringUtils.hasText(environment.getProperty(SERVERS));
        environment
                .getPropertySources()
                .addLast(new MapPropertySource("ikzAxonServerSwitch", Map.of(ENABLED, serversConfigured)));
    }
}
