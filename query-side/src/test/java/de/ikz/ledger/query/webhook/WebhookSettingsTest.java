package de.ikz.ledger.query.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Retries wait longer and longer, up to a cap; settings that cannot work are refused at start-up. */
class WebhookSettingsTest {

    @Test
    void theWaitStartsAtTheBaseDoublesWithEveryFailedAttemptAndStopsAtTheCap() {
        WebhookSettings settings = settings(8, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(60));

        assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(settings.backoff(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(settings.backoff(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.backoff(1000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void noAttemptsABackoffCapBelowItsBaseOrALeaseShorterThanOneAttemptAreRefused() {
        assertThatThrownBy(() -> settings(0, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(60)))
                .hasMessageContaining("max-attempts");
        assertThatThrownBy(() -> settings(8, Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(60)))
                .hasMessageContaining("backoff-max");
        assertThatThrownBy(() -> settings(8, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(10)))
                .hasMessageContaining("lease");
    }

    private static WebhookSettings settings(int maxAttempts, Duration base, Duration max, Duration lease) {
        return new WebhookSettings(
                true,
                maxAttempts,
                base,
                max,
                4,
                Duration.ofMillis(500),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                lease,
                Duration.ofDays(7));
    }
}
