package de.ikz.ledger.app.browser;

import com.fasterxml.jackson.databind.JsonNode;
import de.ikz.ledger.app.ReferenceCaseScript;
import de.ikz.ledger.command.http.HttpApi;
import de.ikz.ledger.command.http.HttpApi.Reply;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * The reference case of the README, loaded into a running service with the documented script
 * ({@code scripts/load-reference-case.sh}) over real HTTP, then awaited in the views.
 */
public final class ReferenceCase {

    public static final String MANAGER = "manager:manager-local";

    private ReferenceCase() {}

    /** Loads the reference case and waits until the views show its 2014 savings and services. */
    public static void load(int port) throws IOException, InterruptedException {
        ReferenceCaseScript.load(port);
        HttpApi api = new HttpApi(port);
        await(
                api,
                "/api/savings?fiscalYear=2014",
                json -> "15000.00".equals(json.path("total").path("savings").asText()));
        await(
                api,
                "/api/partners/saarpfalz-kreis/services",
                json -> json.path("received").size() == 4);
        await(
                api,
                "/api/agreements/it-kooperation-2014",
                json -> json.path("costEntries").size() == 12);
    }

    /** Polls a view as the manager until it answers what {@code done} expects. */
    public static JsonNode await(HttpApi api, String path, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        Reply reply = api.as(MANAGER).get(path);
        while (!(reply.status() == 200 && done.test(reply.json()))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(path + " did not answer as expected: " + reply);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            reply = api.as(MANAGER).get(path);
        }
        return reply.json();
    }
}
