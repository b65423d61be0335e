package de.ikz.ledger.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Idempotency keys of the command API: the filter in front of the command controllers (behind
 * authentication, which names the actor a key belongs to), the reservation in the command's
 * transaction, and the daily forgetting of old keys.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyConfiguration.class);

    @Bean
    static IdempotencyKeys idempotencyKeys(
            JdbcTemplate jdbc, ObjectMapper json, @Value("${ikz.idempotency.retention:P1D}") Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("ikz.idempotency.retention must be positive");
        }
        return new IdempotencyKeys(jdbc, json, retention);
    }

    @Bean
    static FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            IdempotencyKeys keys, ObjectMapper json, Clock clock, @Value("${ikz.idempotency.wait:10s}") Duration wait) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(keys, json, clock, wait));
        registration.addUrlPatterns("/api/partners/*", "/api/agreements/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }

    @Autowired
    void reserveKeysWithTheirCommands(CommandBus commandBus, IdempotencyKeys keys, Clock clock) {
        commandBus.registerHandlerInterceptor(new IdempotencyReservation(keys, clock));
    }

    @Bean(destroyMethod = "shutdownNow")
    static ScheduledExecutorService idempotencyKeyPurge(IdempotencyKeys keys, Clock clock) {
        ScheduledExecutorService purge = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "idempotency-key-purge");
            thread.setDaemon(true);
            return thread;
        });
        purge.scheduleWithFixedDelay(
                () -> {
                    try {
                        int forgotten = keys.purge(clock.instant());
                        if (forgotten > 0) {
                            log.info("Forgot {} idempotency keys past their retention", forgotten);
                        }
                    } catch (RuntimeException failed) {
                        log.warn("Could not purge old idempotency keys: {}", failed.toString());
                    }
                },
                1,
                60,
                TimeUnit.MINUTES);
        return purge;
    }
}
