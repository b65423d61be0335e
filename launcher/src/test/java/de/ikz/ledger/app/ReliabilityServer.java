package de.ikz.ledger.app;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import de.ikz.ledger.api.agreement.AgreementEvent;
import de.ikz.ledger.command.http.HttpApi;
import de.ikz.ledger.query.processing.ViewProcessors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service in one JVM, shared by the reliability tests (one start for all of them): the
 * local demo accounts over HTTP Basic, and bearer JWTs of a test issuer whose key is made here. A
 * test-only view handler can be told to fail on the agreements whose id starts with {@value
 * #POISONED_PREFIX}. Each test uses ids of its own.
 */
@SpringBootTest(
        classes = {IkzLedgerApplication.class, ReliabilityServer.PoisonedView.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ReliabilityServer {

    static final String ISSUER = "https://issuer.ikz-ledger.test";
    static final String AUDIENCE = "ikz-ledger";
    static final String POISONED_PREFIX = "poisoned-";
    static final Path DATA_DIR;
    static final RSAKey ISSUER_KEY;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("ikz-reliability");
            ISSUER_KEY = new RSAKeyGenerator(2048).keyID("test-issuer").generate();
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(ISSUER_KEY.toRSAPublicKey().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(DATA_DIR.resolve("issuer.pem"), pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    HttpApi api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ikz.data-dir", DATA_DIR::toString);
        registry.add("ikz.security.jwt.issuer", () -> ISSUER);
        registry.add("ikz.security.jwt.audience", () -> AUDIENCE);
        registry.add(
                "ikz.security.jwt.public-key-location",
                () -> DATA_DIR.resolve("issuer.pem").toUri().toString());
    }

    @BeforeEach
    void client() {
        api = new HttpApi(port);
        ReliabilityFixtures.partners(api);
    }

    /** A handler of the agreements view that fails, while switched on, on agreements named poisoned-*. */
    @ProcessingGroup(ViewProcessors.AGREEMENTS)
    static class PoisonedView {

        static final AtomicBoolean POISONED = new AtomicBoolean(false);

        @EventHandler
        void on(AgreementEvent event) {
            if (POISONED.get() && event.agreementId().startsWith(POISONED_PREFIX)) {
                throw new IllegalStateException(
                        "the view cannot take " + event.getClass().getSimpleName() + " of " + event.agreementId());
            }
        }
    }
}
