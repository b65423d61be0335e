package de.ikz.ledger.query.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Posts one delivery to its receiver: the envelope as {@code application/json}, signed, with
 * connect and read timeouts; redirects are not followed. Any {@code 2xx} answer counts as
 * delivered.
 */
final class WebhookSender {

    static final String EVENT_ID = "X-Ikz-Event-Id";
    static final String EVENT_TYPE = "X-Ikz-Event-Type";
    static final String DELIVERY_ID = "X-Ikz-Delivery-Id";
    static final String ATTEMPT = "X-Ikz-Attempt";
    static final String WEBHOOK_ID = "X-Ikz-Webhook-Id";
    static final String USER_AGENT = "ikz-ledger-webhooks";

    private final WebhookSettings settings;
    private final HttpClient client;

    WebhookSender(WebhookSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** What became of one attempt. */
    record Outcome(boolean delivered, Integer status, String error) {}

    Outcome post(Subscription subscription, Delivery delivery, int attempt) throws InterruptedException {
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url()))
                .timeout(settings.readTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header(WebhookSignature.HEADER, WebhookSignature.sign(subscription.secret(), body))
                .header(EVENT_ID, delivery.eventId())
                .header(EVENT_TYPE, delivery.type())
                .header(DELIVERY_ID, delivery.id())
                .header(WEBHOOK_ID, subscription.id())
                .header(ATTEMPT, Integer.toString(attempt))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // the answer's body is of no interest; closing it does not wait for it
            response.body().close();
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Outcome(true, status, null);
            }
            return new Outcome(false, status, "the receiver answered HTTP " + status);
        } catch (HttpTimeoutException e) {
            return new Outcome(
                    false, null, "no answer within " + settings.readTimeout().toMillis() + " ms");
        } catch (IOException e) {
            return new Outcome(false, null, "cannot reach the receiver: " + e);
        }
    }
}
