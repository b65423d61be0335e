package de.ikz.ledger.command.http;

import static org.assertj.core.api.Assertions.assertThat;

import de.ikz.ledger.command.CommandSideApplication;
import de.ikz.ledger.command.infra.CommandSideAxonConfiguration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** What was acknowledged is still there after the service restarts on the same data directory. */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void everythingRecordedSurvivesARestart() {
        long headBefore;
        try (ConfigurableApplicationContext first = start()) {
            HttpApi api = api(first);
            Background.load(api, "admin:admin-test", "saarbruecken:city-test", "saarpfalz-kreis:district-test");
            headBefore =
                    first.getBean(EventStore.class).createHeadToken().position().orElseThrow();
        }

        try (ConfigurableApplicationContext second = start()) {
            HttpApi api = api(second);
            EventStore eventStore = second.getBean(EventStore.class);
            assertThat(eventStore.createHeadToken().position().orElseThrow()).isEqualTo(headBefore);
            assertThat(eventStore.readEvents("ref").asStream().count()).isGreaterThan(5);

            // the aggregates load from the durable store and still enforce their rules
            assertThat(api.as("admin:admin-test")
                            .post(
                                    "/api/partners",
                                    "{\"id\":\"saarbruecken\",\"name\":\"Doppelt\",\"kind\":\"MUNICIPALITY\"}")
                            .code())
                    .isEqualTo("PARTNER_ALREADY_EXISTS");
            assertThat(api.as("saarbruecken:city-test")
                            .post(
                                    "/api/agreements/ref/signatures",
                                    "{\"partnerId\":\"saarbruecken\",\"signatoryName\":\"N\",\"signatoryRole\":\"R\",\"signedOn\":\"2014-05-22\"}")
                            .code())
                    .isEqualTo("AGREEMENT_ALREADY_SIGNED_BY_PARTY");
            assertThat(api.as("saarpfalz-kreis:district-test")
                            .post("/api/agreements/ref/cost-entries/reversed-entry/reversal", "{\"reason\":\"r\"}")
                            .code())
                    .isEqualTo("COST_ENTRY_ALREADY_REVERSED");
            assertThat(api.as("admin:admin-test")
                            .patch("/api/partners/homburg", "{\"name\":\"Kreisstadt Homburg (Saar)\"}")
                            .status())
                    .isEqualTo(204);

            // an aggregate that took a command stays in memory; a refusal rolls back and drops it
            Cache cache = second.getBean(CommandSideAxonConfiguration.AGGREGATE_CACHE, Cache.class);
            assertThat(cache.containsKey("homburg")).isTrue();
            assertThat(cache.containsKey("ref")).isFalse();
            assertThat(api.as("admin:admin-test")
                            .patch("/api/partners/homburg", "{\"name\":\"Kreisstadt Homburg (Saar)\"}")
                            .code())
                    .isEqualTo("NAME_UNCHANGED");
            assertThat(cache.containsKey("homburg")).isFalse();
        }
    }

    private ConfigurableApplicationContext start() {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1"));
        args.add("--ikz.data-dir=" + dataDir);
        String[][] accounts = {
            {"admin", "{noop}admin-test", "ADMIN", null},
            {"saarbruecken", "{noop}city-test", "PARTNER", "saarbruecken"},
            {"saarpfalz-kreis", "{noop}district-test", "PARTNER", "saarpfalz-kreis"},
        };
        for (int i = 0; i < accounts.length; i++) {
            String prefix = "--ikz.security.accounts[" + i + "].";
            args.add(prefix + "username=" + accounts[i][0]);
            args.add(prefix + "password=" + accounts[i][1]);
            args.add(prefix + "role=" + accounts[i][2]);
            if (accounts[i][3] != null) {
                args.add(prefix + "partner-id=" + accounts[i][3]);
            }
        }
        return new SpringApplicationBuilder(CommandSideApplication.class).run(args.toArray(String[]::new));
    }

    private static HttpApi api(ConfigurableApplicationContext context) {
        return new HttpApi(
                ((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
