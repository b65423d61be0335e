package de.ikz.ledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Hostile input at scale: more than 10,000 generated requests (seeded, so a failure can be repeated)
 * against every command endpoint and the query endpoints' parameters over real HTTP: malformed and
 * deeply nested JSON, type confusion, huge numbers, NUL, lone surrogates (as escapes and as raw
 * invalid UTF-8), right-to-left overrides, query operators where strings belong, oversized and
 * chunked bodies, wrong content types, methods, headers and path ids. No answer is a 5xx, every
 * answer is a problem with a stable code, and the event store is unchanged.
 */
class ReliabilityHostileInputTest extends ReliabilityServer {

    static final long SEED = 20140522L;
    static final int REQUESTS = 10_200;
    static final int CLIENTS = 4;
    static final ObjectMapper JSON = new ObjectMapper();
    static final String MARK = "@@HOSTILE@@";
    static final String NONE = "hostile-none";

    /** A generated request. */
    record Attack(
            String kind,
            String method,
            String path,
            String account,
            String contentType,
            byte[] body,
            boolean chunked,
            Map<String, String> headers) {}

    /** A command endpoint with a body that the service would refuse even if it were well-formed. */
    record Endpoint(String method, String path, String body) {}

    static final List<Endpoint> COMMANDS = List.of(
            new Endpoint(
                    "POST",
                    "/api/partners",
                    "{\"id\":\"hostile-unit\",\"name\":\"Hostile\",\"kind\":\"OPERATING_UNIT\","
                            + "\"officialKey\":\"100410100100\",\"parentId\":\"no-such-parent\"}"),
            new Endpoint("PATCH", "/api/partners/{p}", "{\"name\":\"Neu\"}"),
            new Endpoint(
                    "POST",
                    "/api/agreements",
                    "{\"id\":\"hostile-agreement\",\"title\":\"T\",\"subject\":\"S\",\"partyIds\":[\"no-such-a\","
                            + "\"no-such-b\"],\"validFrom\":\"2014-01-01\",\"validUntil\":\"2015-01-01\"}"),
            new Endpoint("POST", "/api/agreements/{a}/parties", "{\"partnerId\":\"homburg\"}"),
            new Endpoint(
                    "POST",
                    "/api/agreements/{a}/signatures",
                    "{\"partnerId\":\"saarbruecken\",\"signatoryName\":\"N\",\"signatoryRole\":\"R\","
                            + "\"signedOn\":\"2014-05-22\"}"),
            new Endpoint(
                    "PATCH",
                    "/api/agreements/{a}",
                    "{\"title\":\"T\",\"subject\":\"S\",\"validUntil\":\"2020-01-01\",\"reason\":\"R\"}"),
            new Endpoint(
                    "POST", "/api/agreements/{a}/termination", "{\"effectiveOn\":\"2015-01-01\",\"reason\":\"R\"}"),
            new Endpoint(
                    "POST",
                    "/api/agreements/{a}/delegations",
                    "{\"id\":\"d\",\"serviceCode\":\"svc\",\"serviceName\":\"S\",\"leikaKey\":\"99123456789012\","
                            + "\"providerId\":\"iks\",\"consumerIds\":[\"homburg\"],\"startsOn\":\"2014-01-01\"}"),
            new Endpoint("POST", "/api/agreements/{a}/delegations/{d}/start", "{\"startsOn\":\"2014-01-01\"}"),
            new Endpoint(
                    "POST",
                    "/api/agreements/{a}/delegations/{d}/suspension",
                    "{\"on\":\"2015-01-01\",\"reason\":\"R\"}"),
            new Endpoint(
                    "POST",
                    "/api/agreements/{a}/delegations/{d}/resumption",
                    "{\"on\":\"2015-01-01\",\"reason\":\"R\"}"),
            new Endpoint("POST", "/api/agreements/{a}/delegations/{d}/end", "{\"on\":\"2015-01-01\",\"reason\":\"R\"}"),
            new Endpoint(
                    "POST",
                    "/api/agreements/{a}/delegations/{d}/cost-entries",
                    "{\"id\":\"e\",\"partnerId\":\"saarbruecken\",\"fiscalYear\":2014,\"kind\":\"BASELINE\","
                            + "\"amount\":\"100.00\",\"description\":\"D\"}"),
            new Endpoint("POST", "/api/agreements/{a}/cost-entries/{e}/reversal", "{\"reason\":\"R\"}"));

    /** Query endpoints, the account that may read them, and their parameters with their kinds. */
    record Query(String path, String account, Map<String, String> parameters) {}

    static final List<Query> QUERIES = List.of(
            new Query("/api/partners", ReliabilityFixtures.MANAGER, Map.of("asOf", "instant")),
            new Query("/api/partners/{p}", ReliabilityFixtures.MANAGER, Map.of("asOf", "instant")),
            new Query(
                    "/api/partners/{p}/services", ReliabilityFixtures.MANAGER, Map.of("asOf", "instant", "on", "date")),
            new Query(
                    "/api/partners/{p}/savings",
                    ReliabilityFixtures.MANAGER,
                    Map.of("fiscalYear", "year", "asOf", "instant")),
            new Query("/api/savings", ReliabilityFixtures.MANAGER, Map.of("fiscalYear", "year", "asOf", "instant")),
            new Query("/api/service-matrix", ReliabilityFixtures.MANAGER, Map.of("asOf", "instant", "on", "date")),
            new Query("/api/agreements", ReliabilityFixtures.MANAGER, Map.of("asOf", "instant", "on", "date")),
            new Query("/api/agreements/{a}", ReliabilityFixtures.MANAGER, Map.of("asOf", "instant", "on", "date")),
            new Query("/api/agreements/{a}/history", ReliabilityFixtures.AUDITOR, Map.of("asOf", "instant")),
            new Query(
                    "/api/audit/events",
                    ReliabilityFixtures.AUDITOR,
                    Map.of(
                            "partnerId", "id",
                            "type", "type",
                            "from", "instant",
                            "to", "instant",
                            "cursor", "cursor",
                            "limit", "count")),
            new Query(
                    "/api/events",
                    "integrator:integrator-local",
                    Map.of("after", "position", "limit", "count", "types", "type", "partnerId", "id")));

    /** Hostile values of each kind of query parameter: none of them is a value of that kind. */
    static final Map<String, List<String>> PARAMETER_VALUES = Map.of(
            "instant",
                    List.of(
                            "garbage",
                            "1e9",
                            "2014-02-30T00:00:00Z",
                            "2014-01-01T25:00:00Z",
                            "2014-01-01T00:00:00",
                            "2014-01-01",
                            "+1000000001-01-01T00:00:00Z",
                            "NaN",
                            "{\"$ne\":null}",
                            "\u202e2014-01-01T00:00:00Z",
                            "2014-01-01T00:00:00Z\u0000",
                            "x".repeat(5_000)),
            "date",
                    List.of(
                            "garbage",
                            "2014-02-30",
                            "2014-13-01",
                            "1e9",
                            "+1000000000-01-01",
                            "01.01.2014",
                            "2014-01-01T00:00:00Z",
                            "[$ne]=1",
                            "\u202e2014-01-01"),
            "year",
                    List.of(
                            "1e9",
                            "-1",
                            "0",
                            "999",
                            "10000",
                            "99999999999999999999",
                            "1.5",
                            "NaN",
                            "2014abc",
                            "\u0661"),
            "count", List.of("0", "-1", "1e9", "1001", "99999999999999999999", "1.5", "abc", "NaN"),
            "position", List.of("-2", "-99999999999999999999", "1e9", "1.5", "abc", "NaN", "{\"$gt\":0}"),
            "id",
                    List.of(
                            "' OR 1=1 --",
                            "<script>",
                            "../../etc/passwd",
                            "{\"$ne\":null}",
                            "[$ne]=1",
                            "UPPER",
                            "a\u0000b",
                            "\u202eevil",
                            "x".repeat(64),
                            "x".repeat(5_000),
                            "-dash"),
            "type",
                    List.of(
                            "NoSuchEvent",
                            "' OR 1=1 --",
                            "agreementdrafted",
                            "Agreement\u0000Drafted",
                            "{\"$ne\":null}"),
            "cursor", List.of("!!!not-base64", "' OR 1=1 --", "-5", "x".repeat(5_000), "{\"$ne\":null}"));

    /** Values that are no valid JSON value of any field here, as raw bytes to put where a value belongs. */
    static final List<byte[]> HOSTILE_VALUES = new ArrayList<>();
    /** Whole bodies that are no request of any endpoint. */
    static final List<byte[]> HOSTILE_BODIES = new ArrayList<>();
    /** Ids in paths. */
    static final List<String> HOSTILE_PATH_IDS = List.of(
            "%00",
            "a%00b",
            "%2e%2e",
            "..",
            "a%2Fb",
            "%2F",
            "%C0%AF",
            "%ED%A0%80",
            "%E2%80%AEevil",
            "%F0%9F%92%A5",
            "%FF%FE",
            "a".repeat(300),
            "UPPER-case",
            "a;b=c",
            "%3Cscript%3E",
            "%25",
            "%20",
            "-leading-dash",
            "%24ne",
            "x",
            "%7B%22%24ne%22%3Anull%7D");

    static final List<String> CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz",
            "application/json; charset=utf-16",
            "application/json; charset=nonsense",
            "application/json;;;",
            "application/*",
            "*/*",
            "application/json-patch+json",
            "application/vnd.evil+json",
            "text/json",
            "json",
            "");

    static {
        for (String value : List.of(
                "{\"$ne\":null}",
                "{\"$gt\":\"\"}",
                "{\"$where\":\"sleep(1000)\"}",
                "{\"$regex\":\".*\"}",
                "[]",
                "[\"a\",\"b\"]",
                "[[[]]]",
                "true",
                "false",
                "0",
                "-1",
                "1e9",
                "1e400",
                "-1e400",
                "1E-400",
                "1.5",
                "-0",
                "123456789012345678901234567890",
                "9".repeat(99),
                "9".repeat(101),
                "0.000000000000000000000000001",
                "\"\\u0000\"",
                "\"a\\u0000b\"",
                "\"\\ud800\"",
                "\"\\udc00x\"",
                "\"\\ud800\\ud800\"",
                "\"\\udbff\"",
                "\"\\u202eevil\"",
                "\"a\\u200bb\"",
                "\"\\ufeff\"",
                "\"\\u0007bell\"",
                "\"\\u001b[31m\"",
                "\"\\u2028\"",
                "\"\\u0085\"",
                "\"\"",
                "\"   \"",
                "\"" + "x".repeat(301) + "\"",
                "\"" + "x".repeat(4001) + "\"",
                "\"" + "x".repeat(10_001) + "\"",
                "\"" + "\\u202e".repeat(50) + "\"",
                "\"2014-02-30\"",
                "\"2014-13-01\"",
                "\"+2014-01-01\"",
                "\"-999999999-01-01\"",
                "\"99999-01-01\"",
                "\"2014-01-01T00:00:00Z\"",
                "\"01.01.2014\"",
                "\"baseline\"",
                "\"BASELINE \"",
                "\"NaN\"",
                "\"Infinity\"",
                "\"0x10\"",
                "\"1,000.00\"",
                "\"12.345\"",
                "\"-5.00\"",
                "\"1000000000.01\"",
                "\"\\u0661\\u0662\\u0663\"",
                "\"' OR '1'='1\\u0000\"",
                "\"'; DROP TABLE DomainEventEntry; --\\u202e\"",
                "\"<script>alert(1)</script>\\u0000\"",
                "\"${jndi:ldap://127.0.0.1/a}\\u200b\"",
                "NaN",
                "Infinity",
                "undefined",
                "'single'",
                "\"unterminated",
                "\"bad \\x escape\"",
                "\"\\u12\"",
                "01",
                ".5",
                "+1",
                "tru",
                "nul",
                "{",
                "]",
                "{\"a\":}",
                "/* comment */ 1")) {
            HOSTILE_VALUES.add(value.getBytes(StandardCharsets.UTF_8));
        }
        HOSTILE_VALUES.add(bytes("\"a", 0x01, "b\""));
        HOSTILE_VALUES.add(bytes("\"a", 0x00, "b\""));
        HOSTILE_VALUES.add(bytes("\"", 0xC3, 0x28, "\""));
        HOSTILE_VALUES.add(bytes("\"", 0xC0, 0xAF, "\""));
        HOSTILE_VALUES.add(bytes("\"", 0xED, 0xA0, 0x80, "\""));
        HOSTILE_VALUES.add(bytes("\"x", 0xED, 0xBF, 0xBF, "x\""));
        HOSTILE_VALUES.add(bytes("\"", 0xF8, 0x88, 0x80, 0x80, 0x80, "\""));
        HOSTILE_VALUES.add(bytes("\"", 0xFF, 0xFE, "\""));
        HOSTILE_VALUES.add(bytes("\"", 0xE2, 0x80, 0xAE, "evil\""));
        HOSTILE_VALUES.add(bytes("\"", 0xF0, 0x9F, 0x92, "\""));
        HOSTILE_VALUES.add(bytes(0x00));

        String deepArrays = "[".repeat(10_000) + "]".repeat(10_000);
        String deepObjects = "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000);
        for (String body : List.of(
                "",
                " ",
                "null",
                "[]",
                "[{}]",
                "\"string\"",
                "123",
                "true",
                "{",
                "{\"id\":",
                "}",
                "{}{}",
                "{} trailing",
                "{\"id\":\"a\",\"id\":\"b\"}",
                "{\"__proto__\":{\"admin\":true}}",
                "{\"constructor\":{\"prototype\":{\"admin\":true}}}",
                "{\"@class\":\"java.lang.Runtime\"}",
                "[\"java.util.HashMap\",{}]",
                "{\"$where\":\"1==1\"}",
                deepArrays,
                deepObjects,
                "{\"x\":" + "[".repeat(17) + "]".repeat(17) + "}",
                "{\"x\":[" + "1,".repeat(10_000) + "1]}",
                "{\"x\":" + "9".repeat(1_000) + "}",
                "{\"x\":1e999999999}",
                "{\"x\":\"" + "y".repeat(20_000) + "\"}",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
                "id=a&name=b",
                "--xyz\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\na\r\n--xyz--")) {
            HOSTILE_BODIES.add(body.getBytes(StandardCharsets.UTF_8));
        }
        HOSTILE_BODIES.add(bytes(0xEF, 0xBB, 0xBF, "{\"x\":1}"));
        HOSTILE_BODIES.add(bytes(0x00, 0x00, 0x00, 0x7B));
        HOSTILE_BODIES.add(bytes(0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00));
        HOSTILE_BODIES.add(bytes("{\"x\":\"", 0xC3, 0x28, "\"}"));
        HOSTILE_BODIES.add(bytes("{", 0x00, "}"));
        HOSTILE_BODIES.add("{\"x\":1}".getBytes(StandardCharsets.UTF_16));
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer b) {
                out.write(b);
            } else {
                out.writeBytes(part.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void tenThousandHostileRequestsGetProblemsAndChangeNothing() throws Exception {
        ReliabilityFixtures.StoreState before = ReliabilityFixtures.storeState(jdbc);
        Random random = new Random(SEED);
        List<Attack> attacks = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            attacks.add(generate(random));
        }

        Map<String, AtomicInteger> byStatus = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> byKind = new ConcurrentHashMap<>();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                work.add(clients.submit(() -> {
                    for (int i = client; i < attacks.size(); i += CLIENTS) {
                        Attack attack = attacks.get(i);
                        byKind.computeIfAbsent(attack.kind(), k -> new AtomicInteger())
                                .incrementAndGet();
                        String outcome = check(attack, violations);
                        byStatus.computeIfAbsent(outcome, k -> new AtomicInteger())
                                .incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            clients.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        ReliabilityFixtures.StoreState after = ReliabilityFixtures.storeState(jdbc);

        System.out.printf(
                "sent %d hostile requests (seed %d) in %.1f s (%.0f/s) from %d clients%n",
                attacks.size(), SEED, seconds, attacks.size() / seconds, CLIENTS);
        System.out.println("by kind:   " + new TreeMap<>(byKind));
        System.out.println("by answer: " + new TreeMap<>(byStatus));
        System.out.println("event store before " + before + ", after " + after);
        System.out.println("violations: " + violations.size());
        violations.stream().limit(20).forEach(v -> System.out.println("  " + v));
        if (!violations.isEmpty()) {
            Path report = Path.of("target", "hostile-input-violations.txt");
            Files.write(report, violations);
            System.out.println("every violation: " + report.toAbsolutePath());
        }

        assertThat(attacks).hasSizeGreaterThanOrEqualTo(10_000);
        assertThat(violations).isEmpty();
        assertThat(after).isEqualTo(before);
    }

    /** Sends one attack and answers "status code" for the statistics; records what is wrong with the answer. */
    private String check(Attack attack, List<String> violations) {
        HttpResponse<byte[]> response;
        try {
            response = send(attack);
        } catch (IOException refusedByClosing) {
            if (attack.kind().startsWith("oversized")) {
                // the server answered 413 and closed the connection before the whole body was sent
                return "connection closed on an oversized body";
            }
            violations.add(describe(attack) + " -> no answer: " + refusedByClosing);
            return "no answer";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String code = null;
        if (contentType.startsWith("application/problem+json")) {
            try {
                JsonNode problem = JSON.readTree(response.body());
                code = problem.path("code").asText(null);
                if (problem.path("status").asInt() != status) {
                    violations.add(
                            describe(attack) + " -> " + status + " with a problem of status " + problem.path("status"));
                }
            } catch (IOException notJson) {
                violations.add(describe(attack) + " -> " + status + " problem that is no JSON");
            }
        }
        if (status >= 500) {
            violations.add(describe(attack) + " -> " + status + " " + abbreviate(response.body()));
        } else if (code == null || code.isBlank()) {
            violations.add(describe(attack) + " -> " + status + " " + contentType + " without a problem code: "
                    + abbreviate(response.body()));
        }
        return status + " " + code;
    }

    private HttpResponse<byte[]> send(Attack attack) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = attack.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : attack.chunked()
                        ? HttpRequest.BodyPublishers.fromPublisher(
                                HttpRequest.BodyPublishers.ofByteArray(attack.body()))
                        : HttpRequest.BodyPublishers.ofByteArray(attack.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + attack.path()))
                .timeout(Duration.ofSeconds(30))
                .method(attack.method(), body);
        if (attack.contentType() != null && !attack.contentType().isEmpty()) {
            request.header("Content-Type", attack.contentType());
        }
        if (attack.account() != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(attack.account().getBytes(StandardCharsets.UTF_8)));
        }
        attack.headers().forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private Attack generate(Random random) {
        int dice = random.nextInt(100);
        if (dice < 20) {
            return query(random);
        }
        Endpoint endpoint = COMMANDS.get(random.nextInt(COMMANDS.size()));
        String path = endpoint.path()
                .replace("{p}", NONE)
                .replace("{a}", NONE)
                .replace("{d}", "d")
                .replace("{e}", "e");
        Map<String, String> headers = new LinkedHashMap<>();
        String account = ReliabilityFixtures.ADMIN;
        String contentType = "application/json";
        if (dice < 55) {
            return new Attack(
                    "field",
                    endpoint.method(),
                    path,
                    account,
                    contentType,
                    mutateField(endpoint, random),
                    false,
                    headers);
        }
        if (dice < 62) {
            return new Attack(
                    "shape", endpoint.method(), path, account, contentType, reshape(endpoint, random), false, headers);
        }
        if (dice < 72) {
            byte[] body = HOSTILE_BODIES.get(random.nextInt(HOSTILE_BODIES.size()));
            return new Attack(
                    "body", endpoint.method(), path, account, contentType, body, random.nextInt(4) == 0, headers);
        }
        byte[] valid = endpoint.body().getBytes(StandardCharsets.UTF_8);
        if (dice < 77) {
            return new Attack(
                    "content-type",
                    endpoint.method(),
                    path,
                    account,
                    CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size())),
                    valid,
                    false,
                    headers);
        }
        if (dice < 80) {
            int size = 64 * 1024 + 1 + random.nextInt(200 * 1024);
            byte[] big = ("{\"name\":\"" + "x".repeat(size) + "\"}").getBytes(StandardCharsets.UTF_8);
            boolean chunked = random.nextBoolean();
            return new Attack(
                    chunked ? "oversized chunked" : "oversized",
                    endpoint.method(),
                    path,
                    account,
                    contentType,
                    big,
                    chunked,
                    headers);
        }
        if (dice < 84) {
            String method = random.nextBoolean() ? "PUT" : "DELETE";
            return new Attack("method", method, path, account, contentType, valid, false, headers);
        }
        if (dice < 90) {
            switch (random.nextInt(7)) {
                case 0 ->
                    headers.put(
                            "If-Match",
                            List.of("\"abc\"", "W/\"-1\"", "99999999999999999999999", "\"1\", \"2\"")
                                    .get(random.nextInt(4)));
                case 1 ->
                    headers.put(
                            "Idempotency-Key",
                            List.of("x".repeat(300), "ä-key", "key with space", "\u00ff")
                                    .get(random.nextInt(4)));
                case 2 -> account = null;
                case 3 -> account = "admin:wrong-password";
                case 4 -> {
                    account = null;
                    headers.put(
                            "Authorization",
                            List.of("Basic !!!", "Bearer garbage", "Basic ", "Digest x")
                                    .get(random.nextInt(4)));
                }
                case 5 ->
                    headers.put(
                            "Accept",
                            List.of("application/xml", "text/html", "image/png").get(random.nextInt(3)));
                default -> account = ReliabilityFixtures.MANAGER;
            }
            return new Attack(
                    "header",
                    endpoint.method(),
                    path,
                    account,
                    contentType,
                    mutateField(endpoint, random),
                    false,
                    headers);
        }
        String id = HOSTILE_PATH_IDS.get(random.nextInt(HOSTILE_PATH_IDS.size()));
        String hostilePath = endpoint.path()
                .replace("{p}", id)
                .replace("{a}", random.nextBoolean() ? id : NONE)
                .replace("{d}", random.nextBoolean() ? id : "d")
                .replace("{e}", id);
        if (hostilePath.equals(endpoint.path())) {
            hostilePath = endpoint.path() + "/" + id;
        }
        return new Attack("path", endpoint.method(), hostilePath, account, contentType, valid, false, headers);
    }

    /** The endpoint's body with one field's value replaced by a hostile one. */
    private static byte[] mutateField(Endpoint endpoint, Random random) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(endpoint.body());
            List<String> fields = new ArrayList<>();
            body.fieldNames().forEachRemaining(fields::add);
            String field = fields.get(random.nextInt(fields.size()));
            if (body.get(field).isArray() && random.nextBoolean()) {
                body.putArray(field).add(MARK);
            } else {
                body.put(field, MARK);
            }
            String text = JSON.writeValueAsString(body);
            int at = text.indexOf("\"" + MARK + "\"");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size())));
            out.writeBytes(text.substring(at + MARK.length() + 2).getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The endpoint's body without a field, with an unknown one, or nested where it is flat. */
    private static byte[] reshape(Endpoint endpoint, Random random) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(endpoint.body());
            List<String> fields = new ArrayList<>();
            body.fieldNames().forEachRemaining(fields::add);
            String field = fields.get(random.nextInt(fields.size()));
            switch (random.nextInt(4)) {
                case 0 -> body.remove(fields);
                case 1 -> body.put("unexpected", "x");
                case 2 -> body.set(field, body.deepCopy());
                default -> body.put("Id".equals(field) ? "ID" : field.toUpperCase(), "x");
            }
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Attack query(Random random) {
        Query query = QUERIES.get(random.nextInt(QUERIES.size()));
        String path = query.path();
        boolean hostileId = random.nextInt(4) == 0 && path.contains("{");
        String id = hostileId ? HOSTILE_PATH_IDS.get(random.nextInt(HOSTILE_PATH_IDS.size())) : NONE;
        path = path.replace("{p}", id).replace("{a}", id);
        StringBuilder parameters = new StringBuilder();
        if (!hostileId || random.nextBoolean()) {
            List<String> names = new ArrayList<>(new TreeMap<>(query.parameters()).keySet());
            String name = names.get(random.nextInt(names.size()));
            List<byte[]> values = new ArrayList<>();
            PARAMETER_VALUES
                    .get(query.parameters().get(name))
                    .forEach(v -> values.add(v.getBytes(StandardCharsets.UTF_8)));
            values.add(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
            values.add(new byte[] {(byte) 0xC3, (byte) 0x28});
            values.add(new byte[] {(byte) 0xFF});
            parameters
                    .append('?')
                    .append(name)
                    .append('=')
                    .append(percentEncode(values.get(random.nextInt(values.size()))));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (random.nextInt(10) == 0) {
            headers.put(
                    "X-Consistency-Token",
                    List.of("garbage", "-1", "99999999999999999999").get(random.nextInt(3)));
        }
        return new Attack("query", "GET", path + parameters, query.account(), null, null, false, headers);
    }

    private static String percentEncode(byte[] raw) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : raw) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.toString();
    }

    private static String describe(Attack attack) {
        String body = attack.body() == null ? "" : abbreviate(attack.body());
        return attack.kind() + " " + attack.method() + " "
                + abbreviate(attack.path().getBytes(StandardCharsets.UTF_8)) + " [" + attack.contentType() + "] "
                + attack.headers() + " " + body;
    }

    private static String abbreviate(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.length() > 160 ? text.substring(0, 160) + "...(" + bytes.length + " bytes)" : text;
    }
}
