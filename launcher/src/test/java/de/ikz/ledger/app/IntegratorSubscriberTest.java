package de.ikz.ledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.ikz.ledger.api.agreement.AgreementConcluded;
import de.ikz.ledger.api.agreement.AgreementEvent;
import de.ikz.ledger.api.agreement.CostEntryRecorded;
import de.ikz.ledger.api.agreement.ServiceDelegated;
import de.ikz.ledger.api.partner.PartnerEvent;
import de.ikz.ledger.api.partner.PartnerRegistered;
import de.ikz.ledger.command.http.TestAccounts;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Another Axon application subscribes with a processing group of its own and nothing of the
 * ledger but the {@code shared-api} jar: its handler receives the reference case's events as the
 * records of the published language, with their metadata, and can compute from them what the
 * ledger's views show.
 */
@SpringBootTest(classes = IkzLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(IntegratorSubscriberTest.ExternalSubscriber.class)
class IntegratorSubscriberTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;

    @LocalServerPort
    int port;

    @Autowired
    ExternalSubscriber subscriber;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAccounts.register(registry, dataDir);
    }

    @Test
    void anExternalProcessingGroupSeesTheReferenceCaseAsPublishedLanguageRecords() throws Exception {
        loadTheReferenceCase();

        IntegratorSupport.await("the reference case's cost entries", WAIT, () -> subscriber.costEntries.size() == 12);

        assertThat(subscriber.partners.stream()
                        .filter(PartnerRegistered.class::isInstance)
                        .map(e -> ((PartnerRegistered) e).partnerId()))
                .containsExactly("saarbruecken", "iks", "tsc-saarbruecken", "saarpfalz-kreis");
        assertThat(subscriber.agreements.stream().filter(AgreementConcluded.class::isInstance))
                .hasSize(1);
        assertThat(subscriber.agreements.stream().filter(ServiceDelegated.class::isInstance))
                .hasSize(4);
        assertThat(subscriber.actors).contains("admin", "saarbruecken", "saarpfalz-kreis");
        assertThat(subscriber.recordedAt).allSatisfy(at -> assertThat(at).isBefore(Instant.now()));
        BigDecimal savings = BigDecimal.ZERO;
        for (CostEntryRecorded entry : subscriber.costEntries) {
            savings = switch (entry.kind()) {
                case BASELINE, REVENUE -> savings.add(entry.amount());
                case ACTUAL -> savings.subtract(entry.amount());
            };
        }
        assertThat(savings).isEqualByComparingTo("15000.00");
    }

    private void loadTheReferenceCase() throws IOException, InterruptedException {
        Path script = Path.of("..", "scripts", "load-reference-case.sh")
                .toAbsolutePath()
                .normalize();
        ProcessBuilder builder =
                new ProcessBuilder("bash", script.toString(), "http://127.0.0.1:" + port).redirectErrorStream(true);
        builder.environment().put("IKZ_ADMIN", IntegratorSupport.ADMIN);
        builder.environment().put("IKZ_SAARBRUECKEN", IntegratorSupport.CITY);
        builder.environment().put("IKZ_SAARPFALZ_KREIS", IntegratorSupport.DISTRICT);
        Process process = builder.start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished && process.exitValue() == 0).as(output).isTrue();
    }

    /**
     * The subscriber of another application: an event handler in a processing group of its own
     * that knows the ledger only through the records of {@code shared-api}.
     */
    @Component
    @ProcessingGroup("external-subscriber")
    static class ExternalSubscriber {

        final List<PartnerEvent> partners = new CopyOnWriteArrayList<>();
        final List<AgreementEvent> agreements = new CopyOnWriteArrayList<>();
        final List<CostEntryRecorded> costEntries = new CopyOnWriteArrayList<>();
        final List<String> actors = new CopyOnWriteArrayList<>();
        final List<Instant> recordedAt = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(PartnerEvent event, @MetaDataValue("actor") String actor) {
            partners.add(event);
            actors.add(actor);
        }

        @EventHandler
        void on(AgreementEvent event, @MetaDataValue("actor") String actor, @Timestamp Instant at) {
            agreements.add(event);
            actors.add(actor);
            recordedAt.add(at);
            if (event instanceof CostEntryRecorded entry) {
                costEntries.add(entry);
            }
        }
    }
}
