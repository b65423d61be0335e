package de.ikz.ledger.command.http;

import static org.assertj.core.api.Assertions.assertThat;

import de.ikz.ledger.command.CommandSideApplication;
import de.ikz.ledger.command.http.HttpApi.Reply;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The command API over real HTTP, on the durable embedded event store. */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommandApiTest {

    static final String ADMIN = "admin:admin-test";
    static final String MANAGER = "manager:manager-test";
    static final String CITY = "saarbruecken:city-test";
    static final String DISTRICT = "saarpfalz-kreis:district-test";

    @TempDir
    static Path dataDir;

    private static boolean loaded;

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    HttpApi api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAccounts.register(registry, dataDir);
    }

    @BeforeEach
    void loadBackground() {
        api = new HttpApi(port);
        if (!loaded) {
            Background.load(api, ADMIN, CITY, DISTRICT);
            loaded = true;
        }
    }

    long head() {
        return eventStore.createHeadToken().position().orElse(-1);
    }

    List<? extends DomainEventMessage<?>> stream(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().toList();
    }

    @Nested
    class TheReferenceCase {

        @Test
        void creationAnswers201WithLocationIdAndConsistencyToken() {
            Reply reply = api.as(ADMIN)
                    .post(
                            "/api/partners",
                            "{\"id\":\"st-ingbert\",\"name\":\"Stadt St. Ingbert\",\"kind\":\"MUNICIPALITY\"}");

            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
            assertThat(reply.header("Location")).isEqualTo("/api/partners/st-ingbert");
            assertThat(reply.json().get("id").asText()).isEqualTo("st-ingbert");
            assertThat(Long.parseLong(reply.header("X-Consistency-Token"))).isEqualTo(head());
        }

        @Test
        void theLastSignatureBringsTheAgreementIntoForce() {
            api.as(ADMIN)
                    .post(
                            "/api/agreements",
                            "{\"id\":\"sign-test\",\"title\":\"T\",\"subject\":\"S\",\"partyIds\":[\"saarbruecken\",\"saarpfalz-kreis\"],\"validFrom\":\"2014-05-22\"}");
            Reply first = api.as(CITY)
                    .post(
                            "/api/agreements/sign-test/signatures",
                            "{\"partnerId\":\"saarbruecken\",\"signatoryName\":\"Charlotte Britz\",\"signatoryRole\":\"Oberbürgermeisterin\",\"signedOn\":\"2014-05-22\"}");
            Reply last = api.as(DISTRICT)
                    .post(
                            "/api/agreements/sign-test/signatures",
                            "{\"partnerId\":\"saarpfalz-kreis\",\"signatoryName\":\"Clemens Lindemann\",\"signatoryRole\":\"Landrat\",\"signedOn\":\"2014-05-22\"}");

            assertThat(first.json().get("status").asText()).isEqualTo("DRAFT");
            assertThat(last.json().get("status").asText()).isEqualTo("IN_FORCE");
            assertThat(stream("sign-test"))
                    .extracting(m -> m.getPayloadType().getSimpleName())
                    .containsExactly("AgreementDrafted", "AgreementSigned", "AgreementSigned", "AgreementConcluded");
        }

        @Test
        void everyStoredEventCarriesActorCorrelationIdAndCommand() {
            Reply reply = api.as(DISTRICT)
                    .header("X-Correlation-Id", "audit-trail-42")
                    .post(
                            "/api/agreements/ref/delegations/wohngeld/cost-entries",
                            "{\"id\":\"metadata-entry\",\"partnerId\":\"saarpfalz-kreis\",\"fiscalYear\":2014,\"kind\":\"BASELINE\",\"amount\":1.5}");
            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);

            DomainEventMessage<?> last = stream("ref").get(stream("ref").size() - 1);
            assertThat(last.getMetaData())
                    .containsEntry("actor", "saarpfalz-kreis")
                    .containsEntry("actorRole", "PARTNER")
                    .containsEntry("correlationId", "audit-trail-42")
                    .containsEntry("command", "RecordCostEntry")
                    .containsKey("commandId")
                    .containsKey("hash");
            assertThat(reply.header("X-Correlation-Id")).isEqualTo("audit-trail-42");
        }

        @Test
        void amountsMayBeSentAsNumbersOrStringsAndAreStoredWithTwoFractionDigits() throws Exception {
            Reply number = api.as(DISTRICT)
                    .post(
                            "/api/agreements/ref/delegations/wohngeld/cost-entries",
                            "{\"id\":\"as-number\",\"partnerId\":\"saarpfalz-kreis\",\"fiscalYear\":2014,\"kind\":\"ACTUAL\",\"amount\":15000.5}");
            Reply text = api.as(DISTRICT)
                    .post(
                            "/api/agreements/ref/delegations/wohngeld/cost-entries",
                            "{\"id\":\"as-string\",\"partnerId\":\"saarpfalz-kreis\",\"fiscalYear\":2014,\"kind\":\"ACTUAL\",\"amount\":\"7\"}");

            assertThat(number.status()).as(number.toString()).isEqualTo(201);
            assertThat(text.status()).as(text.toString()).isEqualTo(201);
            List<String> amounts = stream("ref").stream()
                    .map(DomainEventMessage::getPayload)
                    .filter(p -> p instanceof de.ikz.ledger.api.agreement.CostEntryRecorded)
                    .map(p -> ((de.ikz.ledger.api.agreement.CostEntryRecorded) p))
                    .filter(e -> e.entryId().startsWith("as-"))
                    .map(e -> e.amount().toPlainString())
                    .toList();
            assertThat(amounts).containsExactly("15000.50", "7.00");
        }

        @Test
        void generatedIdsAreAnsweredInLocationAndBody() {
            Reply reply = api.as(ADMIN)
                    .post(
                            "/api/agreements",
                            "{\"title\":\"Ohne Id\",\"subject\":\"S\",\"partyIds\":[\"saarbruecken\",\"homburg\"],\"validFrom\":\"2020-01-01\"}");

            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
            String id = reply.json().get("id").asText();
            assertThat(id).matches("[0-9a-f-]{36}");
            assertThat(reply.header("Location")).isEqualTo("/api/agreements/" + id);
            assertThat(stream(id)).hasSize(1);
        }
    }

    /** Every rule of SPEC section 3, broken over HTTP: refused with its code, nothing recorded. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleViolations")
    void aRequestThatBreaksARuleIsRefusedWithItsCodeAndRecordsNothing(
            String rule, String account, String method, String path, String body, int status, String code) {
        long before = head();
        List<? extends DomainEventMessage<?>> refBefore = stream("ref");

        Reply reply = api.as(account).send(method, path, body, "application/json");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.code()).as(reply.toString()).isEqualTo(code);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(head()).as("event store head").isEqualTo(before);
        assertThat(stream("ref")).hasSameSizeAs(refBefore);
    }

    static Stream<Arguments> ruleViolations() {
        String entry =
                "{\"partnerId\":\"saarpfalz-kreis\",\"fiscalYear\":2014,\"kind\":\"BASELINE\",\"amount\":\"10.00\"}";
        return Stream.of(
                rule(
                        "1: fewer than two distinct parties",
                        "POST",
                        "/api/agreements",
                        "{\"title\":\"T\",\"subject\":\"S\",\"partyIds\":[\"saarbruecken\",\"saarbruecken\"],\"validFrom\":\"2014-01-01\"}",
                        409,
                        "AGREEMENT_NEEDS_TWO_PARTIES"),
                rule(
                        "1: a party listed twice",
                        "POST",
                        "/api/agreements",
                        "{\"title\":\"T\",\"subject\":\"S\",\"partyIds\":[\"saarbruecken\",\"homburg\",\"saarbruecken\"],\"validFrom\":\"2014-01-01\"}",
                        409,
                        "PARTY_LISTED_TWICE"),
                rule(
                        "1: an operating unit as party",
                        "POST",
                        "/api/agreements",
                        "{\"title\":\"T\",\"subject\":\"S\",\"partyIds\":[\"iks\",\"saarpfalz-kreis\"],\"validFrom\":\"2014-01-01\"}",
                        409,
                        "OPERATING_UNIT_CANNOT_BE_PARTY"),
                rule(
                        "1: an unregistered party",
                        "POST",
                        "/api/agreements",
                        "{\"title\":\"T\",\"subject\":\"S\",\"partyIds\":[\"saarbruecken\",\"atlantis\"],\"validFrom\":\"2014-01-01\"}",
                        422,
                        "UNKNOWN_PARTNER"),
                rule(
                        "1: admitting an operating unit",
                        "POST",
                        "/api/agreements/ref/parties",
                        "{\"partnerId\":\"tsc-saarbruecken\"}",
                        409,
                        "OPERATING_UNIT_CANNOT_BE_PARTY"),
                rule(
                        "1: admitting a party twice",
                        "POST",
                        "/api/agreements/ref/parties",
                        "{\"partnerId\":\"saarpfalz-kreis\"}",
                        409,
                        "PARTY_ALREADY_ADMITTED"),
                rule(
                        "2: a non-party signs",
                        "POST",
                        "/api/agreements/ref/signatures",
                        "{\"partnerId\":\"homburg\",\"signatoryName\":\"N\",\"signatoryRole\":\"R\",\"signedOn\":\"2014-05-22\"}",
                        409,
                        "NOT_A_PARTY"),
                rule(
                        "2: a party signs twice",
                        "POST",
                        "/api/agreements/ref/signatures",
                        "{\"partnerId\":\"saarbruecken\",\"signatoryName\":\"N\",\"signatoryRole\":\"R\",\"signedOn\":\"2014-05-22\"}",
                        409,
                        "AGREEMENT_ALREADY_SIGNED_BY_PARTY"),
                rule(
                        "3: a delegation on a terminated agreement",
                        "POST",
                        "/api/agreements/old/delegations",
                        "{\"serviceCode\":\"x1\",\"serviceName\":\"X\",\"providerId\":\"iks\",\"consumerIds\":[\"saarpfalz-kreis\"]}",
                        409,
                        "AGREEMENT_TERMINATED"),
                rule(
                        "3: a start on a terminated agreement",
                        "POST",
                        "/api/agreements/old/delegations/old-planned/start",
                        "{\"startsOn\":\"2014-06-01\"}",
                        409,
                        "AGREEMENT_TERMINATED"),
                rule(
                        "3: a cost entry on a terminated agreement",
                        "POST",
                        "/api/agreements/old/delegations/old-running/cost-entries",
                        entry,
                        409,
                        "AGREEMENT_TERMINATED"),
                rule(
                        "3: terminating twice",
                        "POST",
                        "/api/agreements/old/termination",
                        "{\"effectiveOn\":\"2015-01-01\",\"reason\":\"again\"}",
                        409,
                        "AGREEMENT_ALREADY_TERMINATED"),
                rule(
                        "4: a provider that is no party",
                        "POST",
                        "/api/agreements/ref/delegations",
                        "{\"serviceCode\":\"x2\",\"serviceName\":\"X\",\"providerId\":\"homburg\",\"consumerIds\":[\"saarpfalz-kreis\"]}",
                        409,
                        "PROVIDER_NOT_A_PARTY"),
                rule(
                        "4: a consumer that is no party",
                        "POST",
                        "/api/agreements/ref/delegations",
                        "{\"serviceCode\":\"x3\",\"serviceName\":\"X\",\"providerId\":\"iks\",\"consumerIds\":[\"homburg\"]}",
                        409,
                        "CONSUMER_NOT_A_PARTY"),
                rule(
                        "4: the provider's party among the consumers",
                        "POST",
                        "/api/agreements/ref/delegations",
                        "{\"serviceCode\":\"x4\",\"serviceName\":\"X\",\"providerId\":\"iks\",\"consumerIds\":[\"saarbruecken\"]}",
                        409,
                        "PROVIDER_AMONG_CONSUMERS"),
                rule(
                        "4: no consumer",
                        "POST",
                        "/api/agreements/ref/delegations",
                        "{\"serviceCode\":\"x5\",\"serviceName\":\"X\",\"providerId\":\"iks\",\"consumerIds\":[]}",
                        409,
                        "DELEGATION_NEEDS_A_CONSUMER"),
                rule(
                        "4: an unregistered provider",
                        "POST",
                        "/api/agreements/ref/delegations",
                        "{\"serviceCode\":\"x6\",\"serviceName\":\"X\",\"providerId\":\"atlantis\",\"consumerIds\":[\"saarpfalz-kreis\"]}",
                        422,
                        "UNKNOWN_PARTNER"),
                rule(
                        "5: a cost entry before the agreement is in force",
                        "POST",
                        "/api/agreements/draft/delegations/draft-running/cost-entries",
                        "{\"partnerId\":\"homburg\",\"fiscalYear\":2014,\"kind\":\"BASELINE\",\"amount\":\"1.00\"}",
                        409,
                        "AGREEMENT_NOT_IN_FORCE"),
                rule(
                        "5: a cost entry on a delegation not started",
                        "POST",
                        "/api/agreements/ref/delegations/datensicherung/cost-entries",
                        entry,
                        409,
                        "DELEGATION_NOT_STARTED"),
                rule(
                        "5: a cost entry for a partner not involved",
                        "POST",
                        "/api/agreements/ref/delegations/wohngeld/cost-entries",
                        "{\"partnerId\":\"iks\",\"fiscalYear\":2014,\"kind\":\"ACTUAL\",\"amount\":\"1.00\"}",
                        409,
                        "COST_ENTRY_PARTY_NOT_INVOLVED"),
                rule(
                        "5: a fiscal year before the start",
                        "POST",
                        "/api/agreements/ref/delegations/wohngeld/cost-entries",
                        "{\"partnerId\":\"saarpfalz-kreis\",\"fiscalYear\":2012,\"kind\":\"ACTUAL\",\"amount\":\"1.00\"}",
                        409,
                        "FISCAL_YEAR_OUTSIDE_DELEGATION"),
                rule(
                        "6: reversing an unknown entry",
                        "POST",
                        "/api/agreements/ref/cost-entries/no-such-entry/reversal",
                        "{\"reason\":\"r\"}",
                        404,
                        "COST_ENTRY_NOT_FOUND"),
                rule(
                        "6: reversing twice",
                        "POST",
                        "/api/agreements/ref/cost-entries/reversed-entry/reversal",
                        "{\"reason\":\"r\"}",
                        409,
                        "COST_ENTRY_ALREADY_REVERSED"),
                rule(
                        "7: validUntil before validFrom",
                        "POST",
                        "/api/agreements",
                        "{\"title\":\"T\",\"subject\":\"S\",\"partyIds\":[\"saarbruecken\",\"homburg\"],\"validFrom\":\"2014-01-01\",\"validUntil\":\"2013-12-31\"}",
                        409,
                        "VALID_UNTIL_BEFORE_VALID_FROM"),
                rule(
                        "7: an amendment ending validity before it starts",
                        "PATCH",
                        "/api/agreements/ref",
                        "{\"validUntil\":\"2014-01-01\",\"reason\":\"r\"}",
                        409,
                        "VALID_UNTIL_BEFORE_VALID_FROM"),
                rule(
                        "7: a termination before validFrom",
                        "POST",
                        "/api/agreements/draft/termination",
                        "{\"effectiveOn\":\"2013-12-31\",\"reason\":\"r\"}",
                        409,
                        "TERMINATION_BEFORE_VALID_FROM"),
                rule(
                        "7: a signature in the future",
                        "POST",
                        "/api/agreements/draft/signatures",
                        "{\"partnerId\":\"saarbruecken\",\"signatoryName\":\"N\",\"signatoryRole\":\"R\",\"signedOn\":\"2999-01-01\"}",
                        409,
                        "SIGNATURE_DATE_IN_FUTURE"),
                rule(
                        "7: an end before the start",
                        "POST",
                        "/api/agreements/ref/delegations/wohngeld/end",
                        "{\"on\":\"2012-12-31\"}",
                        409,
                        "DATE_BEFORE_LAST_CHANGE"),
                rule(
                        "8: a partner id that exists",
                        "POST",
                        "/api/partners",
                        "{\"id\":\"saarbruecken\",\"name\":\"Doppelt\",\"kind\":\"MUNICIPALITY\"}",
                        409,
                        "PARTNER_ALREADY_EXISTS"),
                rule(
                        "8: an agreement id that exists",
                        "POST",
                        "/api/agreements",
                        "{\"id\":\"ref\",\"title\":\"T\",\"subject\":\"S\",\"partyIds\":[\"saarbruecken\",\"homburg\"],\"validFrom\":\"2014-01-01\"}",
                        409,
                        "AGREEMENT_ALREADY_EXISTS"),
                rule(
                        "8: a delegation id that exists",
                        "POST",
                        "/api/agreements/ref/delegations",
                        "{\"id\":\"wohngeld\",\"serviceCode\":\"x7\",\"serviceName\":\"X\",\"providerId\":\"iks\",\"consumerIds\":[\"saarpfalz-kreis\"]}",
                        409,
                        "DELEGATION_ALREADY_EXISTS"),
                rule(
                        "8: a cost entry id that exists",
                        "POST",
                        "/api/agreements/ref/delegations/wohngeld/cost-entries",
                        "{\"id\":\"reversed-entry\",\"partnerId\":\"saarpfalz-kreis\",\"fiscalYear\":2014,\"kind\":\"BASELINE\",\"amount\":\"1.00\"}",
                        409,
                        "COST_ENTRY_ALREADY_EXISTS"),
                rule(
                        "unknown agreement",
                        "POST",
                        "/api/agreements/no-such/parties",
                        "{\"partnerId\":\"homburg\"}",
                        404,
                        "AGREEMENT_NOT_FOUND"),
                rule(
                        "unknown delegation",
                        "POST",
                        "/api/agreements/ref/delegations/no-such/start",
                        "{\"startsOn\":\"2014-01-01\"}",
                        404,
                        "DELEGATION_NOT_FOUND"),
                rule(
                        "unknown partner renamed",
                        "PATCH",
                        "/api/partners/no-such",
                        "{\"name\":\"X\"}",
                        404,
                        "PARTNER_NOT_FOUND"));
    }

    private static Arguments rule(String name, String method, String path, String body, int status, String code) {
        return Arguments.of(name, ADMIN, method, path, body, status, code);
    }

    /** Broken input of every kind: a 4xx problem with a code, never a 5xx, and nothing recorded. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsAnswered4xxWithACodeAndRecordsNothing(
            String what, String path, String body, String contentType, int status, String code) {
        long before = head();

        Reply reply = api.as(ADMIN).send("POST", path, body, contentType);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.code()).as(reply.toString()).isEqualTo(code);
        assertThat(head()).isEqualTo(before);
    }

    static Stream<Arguments> badInput() {
        String entries = "/api/agreements/ref/delegations/wohngeld/cost-entries";
        String partner = "/api/partners";
        String json = "application/json";
        return Stream.of(
                Arguments.of("malformed JSON", partner, "{\"id\":", json, 400, "MALFORMED_REQUEST"),
                Arguments.of("trailing garbage", partner, "{\"id\":\"a1\"} x", json, 400, "MALFORMED_REQUEST"),
                Arguments.of("no body", partner, null, json, 400, "MALFORMED_REQUEST"),
                Arguments.of(
                        "a number where a string belongs",
                        partner,
                        "{\"id\":\"n1\",\"name\":123,\"kind\":\"MUNICIPALITY\"}",
                        json,
                        400,
                        "MALFORMED_REQUEST"),
                Arguments.of(
                        "an object where a string belongs",
                        partner,
                        "{\"id\":{\"$ne\":null},\"name\":\"N\",\"kind\":\"MUNICIPALITY\"}",
                        json,
                        400,
                        "MALFORMED_REQUEST"),
                Arguments.of(
                        "an unknown enum value",
                        partner,
                        "{\"id\":\"n2\",\"name\":\"N\",\"kind\":\"CITY\"}",
                        json,
                        400,
                        "MALFORMED_REQUEST"),
                Arguments.of(
                        "an enum as number",
                        partner,
                        "{\"id\":\"n3\",\"name\":\"N\",\"kind\":0}",
                        json,
                        400,
                        "MALFORMED_REQUEST"),
                Arguments.of(
                        "an unknown field",
                        partner,
                        "{\"id\":\"n4\",\"name\":\"N\",\"kind\":\"MUNICIPALITY\",\"admin\":true}",
                        json,
                        400,
                        "MALFORMED_REQUEST"),
                Arguments.of("missing fields", partner, "{}", json, 400, "INVALID_REQUEST"),
                Arguments.of(
                        "an id that is no slug",
                        partner,
                        "{\"id\":\"Saar Brücken\",\"name\":\"N\",\"kind\":\"MUNICIPALITY\"}",
                        json,
                        400,
                        "INVALID_REQUEST"),
                Arguments.of(
                        "an ARS of 11 digits",
                        partner,
                        "{\"id\":\"n5\",\"name\":\"N\",\"kind\":\"MUNICIPALITY\",\"officialKey\":\"10041010010\"}",
                        json,
                        400,
                        "INVALID_REQUEST"),
                Arguments.of(
                        "a parent for a municipality",
                        partner,
                        "{\"id\":\"n6\",\"name\":\"N\",\"kind\":\"MUNICIPALITY\",\"parentId\":\"saarbruecken\"}",
                        json,
                        400,
                        "INVALID_REQUEST"),
                Arguments.of(
                        "an operating unit without parent",
                        partner,
                        "{\"id\":\"n7\",\"name\":\"N\",\"kind\":\"OPERATING_UNIT\"}",
                        json,
                        400,
                        "INVALID_REQUEST"),
                Arguments.of(
                        "a right-to-left override in a name",
                        partner,
                        "{\"id\":\"n8\",\"name\":\"evil\\u202Etxt\",\"kind\":\"MUNICIPALITY\"}",
                        json,
                        400,
                        "INVALID_REQUEST"),
                Arguments.of(
                        "a NUL in a name",
                        partner,
                        "{\"id\":\"n9\",\"name\":\"a\\u0000b\",\"kind\":\"MUNICIPALITY\"}",
                        json,
                        400,
                        "INVALID_REQUEST"),
                Arguments.of("a negative amount", entries, costEntry("-5"), json, 400, "INVALID_REQUEST"),
                Arguments.of("a zero amount", entries, costEntry("0"), json, 400, "INVALID_REQUEST"),
                Arguments.of("an over-precise amount", entries, costEntry("1.001"), json, 400, "INVALID_REQUEST"),
                Arguments.of("a huge amount", entries, costEntry("1000000000.01"), json, 400, "INVALID_REQUEST"),
                Arguments.of(
                        "an amount with a huge exponent",
                        entries,
                        costEntry("\"1e999999999\""),
                        json,
                        400,
                        "INVALID_REQUEST"),
                Arguments.of(
                        "an amount that is no number", entries, costEntry("\"viel\""), json, 400, "MALFORMED_REQUEST"),
                Arguments.of(
                        "a fiscal year as string",
                        entries,
                        "{\"partnerId\":\"saarpfalz-kreis\",\"fiscalYear\":\"2014\",\"kind\":\"ACTUAL\",\"amount\":1}",
                        json,
                        400,
                        "MALFORMED_REQUEST"),
                Arguments.of(
                        "a fiscal year with a fraction",
                        entries,
                        "{\"partnerId\":\"saarpfalz-kreis\",\"fiscalYear\":2014.5,\"kind\":\"ACTUAL\",\"amount\":1}",
                        json,
                        400,
                        "MALFORMED_REQUEST"),
                Arguments.of(
                        "a date that does not exist",
                        "/api/agreements",
                        "{\"title\":\"T\",\"subject\":\"S\",\"partyIds\":[\"saarbruecken\",\"homburg\"],\"validFrom\":\"2014-02-30\"}",
                        json,
                        400,
                        "MALFORMED_REQUEST"),
                Arguments.of(
                        "deeply nested JSON",
                        partner,
                        "[".repeat(5000) + "]".repeat(5000),
                        json,
                        400,
                        "MALFORMED_REQUEST"),
                Arguments.of(
                        "an oversized body",
                        partner,
                        "{\"id\":\"big\",\"name\":\"" + "x".repeat(200_000) + "\",\"kind\":\"MUNICIPALITY\"}",
                        json,
                        413,
                        "PAYLOAD_TOO_LARGE"),
                Arguments.of("a wrong content type", partner, "id=x", "text/plain", 415, "UNSUPPORTED_MEDIA_TYPE"));
    }

    private static String costEntry(String amount) {
        return "{\"partnerId\":\"saarpfalz-kreis\",\"fiscalYear\":2014,\"kind\":\"BASELINE\",\"amount\":" + amount
                + "}";
    }

    @Nested
    class AccessControl {

        @Test
        void withoutCredentialsACommandIsAnswered401() {
            Reply reply = api.as(null).post("/api/partners", "{}");
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.code()).isEqualTo("UNAUTHENTICATED");
            assertThat(reply.header("WWW-Authenticate")).startsWith("Basic");
        }

        @Test
        void aWrongPasswordIsAnswered401() {
            assertThat(api.as("admin:wrong").post("/api/partners", "{}").status())
                    .isEqualTo(401);
        }

        @Test
        void aManagerSendsNoCommands() {
            Reply reply =
                    api.as(MANAGER).post("/api/partners", "{\"id\":\"m1\",\"name\":\"N\",\"kind\":\"MUNICIPALITY\"}");
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.code()).isEqualTo("FORBIDDEN");
        }

        @Test
        void aPartnerAccountRegistersNoPartners() {
            Reply reply =
                    api.as(CITY).post("/api/partners", "{\"id\":\"p1\",\"name\":\"N\",\"kind\":\"MUNICIPALITY\"}");
            assertThat(reply.status()).isEqualTo(403);
        }

        @Test
        void aPartnerAccountSignsOnlyForItsOwnPartner() {
            long before = head();
            Reply reply = api.as(DISTRICT)
                    .post(
                            "/api/agreements/draft/signatures",
                            "{\"partnerId\":\"saarbruecken\",\"signatoryName\":\"N\",\"signatoryRole\":\"R\",\"signedOn\":\"2014-05-22\"}");
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.code()).isEqualTo("ACTOR_ACTS_FOR_OTHER_PARTNER");
            assertThat(head()).isEqualTo(before);
        }

        @Test
        void aPartnerAccountBooksOnlyItsOwnCostEntries() {
            Reply reply = api.as(CITY)
                    .post(
                            "/api/agreements/ref/delegations/wohngeld/cost-entries",
                            "{\"partnerId\":\"saarpfalz-kreis\",\"fiscalYear\":2014,\"kind\":\"BASELINE\",\"amount\":1}");
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.code()).isEqualTo("ACTOR_ACTS_FOR_OTHER_PARTNER");
        }

        @Test
        void aPartnerAccountActsOnlyOnAgreementsItsPartnerIsPartyTo() {
            long before = head();
            Reply reply = api.as(DISTRICT).patch("/api/agreements/draft", "{\"title\":\"Gekapert\",\"reason\":\"r\"}");
            assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
            assertThat(reply.code()).isEqualTo("ACTOR_NOT_A_PARTY");
            assertThat(head()).isEqualTo(before);
        }

        @Test
        void aPartnerAccountDraftsOnlyAgreementsItsPartnerIsPartyTo() {
            Reply reply = api.as(DISTRICT)
                    .post(
                            "/api/agreements",
                            "{\"title\":\"T\",\"subject\":\"S\",\"partyIds\":[\"saarbruecken\",\"homburg\"],\"validFrom\":\"2014-01-01\"}");
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.code()).isEqualTo("ACTOR_NOT_A_PARTY");
        }
    }

    @Test
    void terminationEndsEveryRunningDelegationOnItsDate() {
        Reply reply = api.as(ADMIN)
                .post(
                        "/api/agreements/to-end/termination",
                        "{\"effectiveOn\":\"2016-12-31\",\"reason\":\"Neuordnung\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(204);
        List<Object> tail = stream("to-end").stream()
                .map(DomainEventMessage::getPayload)
                .skip(stream("to-end").size() - 3)
                .map(Object.class::cast)
                .toList();
        assertThat(tail.get(0)).isInstanceOf(de.ikz.ledger.api.agreement.AgreementTerminated.class);
        assertThat(tail.subList(1, 3))
                .allSatisfy(e -> assertThat(e).isInstanceOf(de.ikz.ledger.api.agreement.DelegationEnded.class))
                .extracting(e ->
                        ((de.ikz.ledger.api.agreement.DelegationEnded) e).on().toString())
                .containsOnly("2016-12-31");
    }
}
