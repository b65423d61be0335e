package de.ikz.ledger.query.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The signature is HMAC-SHA256 as RFC 4231 defines it, written as {@code sha256=<hex>}. */
class WebhookSignatureTest {

    private static final byte[] BODY = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSignatureIsTheHmacSha256OfTheBodyInLowerCaseHex() {
        // RFC 4231, test case 2
        assertThat(WebhookSignature.sign("Jefe", BODY))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void aSignatureVerifiesOnlyForTheSameSecretAndTheSameBytes() {
        String signature = WebhookSignature.sign("a-secret-of-16-chars", BODY);

        assertThat(WebhookSignature.verify("a-secret-of-16-chars", BODY, signature))
                .isTrue();
        assertThat(WebhookSignature.verify("another-secret-16", BODY, signature))
                .isFalse();
        assertThat(WebhookSignature.verify(
                        "a-secret-of-16-chars", "changed".getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
        assertThat(WebhookSignature.verify("a-secret-of-16-chars", BODY, null)).isFalse();
    }
}
