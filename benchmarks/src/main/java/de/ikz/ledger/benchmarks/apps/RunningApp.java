package de.ikz.ledger.benchmarks.apps;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** One benchmark application, started on a free port of 127.0.0.1 with its data in its own directory. */
public final class RunningApp implements AutoCloseable {

    /** The account every benchmark client uses (an {@code ADMIN}: it may send every command and query). */
    public static final String USER = "benchmark";

    public static final String PASSWORD = "benchmark-local";

    private final String name;
    private final ConfigurableApplicationContext context;

    private RunningApp(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
    }

    /**
     * Starts {@code application} with its data under {@code dataDir}, quiet logs, one {@code ADMIN}
     * account and everything bound to the loopback interface.
     */
    public static RunningApp start(String name, Class<?> application, Path dataDir, Map<String, Object> extra) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        properties.put("spring.application.name", "ikz-benchmark-" + name);
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.main.log-startup-info", "false");
        properties.put("ikz.data-dir", dataDir.toString());
        properties.put("axon.axonserver.enabled", "false");
        properties.put("axon.update-check.disabled", "true");
        properties.put("ikz.security.accounts[0].username", USER);
        properties.put("ikz.security.accounts[0].password", "{noop}" + PASSWORD);
        properties.put("ikz.security.accounts[0].role", "ADMIN");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.org.mongodb.driver", "ERROR");
        properties.put("logging.level.de.bwaldvogel", "OFF");
        properties.put("logging.level.io.micrometer", "ERROR");
        properties.put("logging.level.org.springframework.core.annotation", "ERROR");
        properties.put("logging.level.de.ikz.ledger.query.replay", "WARN");
        properties.putAll(extra);
        System.setProperty("axoniq.update-checker.disabled", "true");
        // as command-line arguments: they win over the sides' built-in defaults
        String[] args = properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.SERVLET)
                .run(args);
        return new RunningApp(name, context);
    }

    public String name() {
        return name;
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        if (context.isActive()) {
            SpringApplication.exit(context);
        }
    }
}
