package de.ikz.ledger.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import de.ikz.ledger.distributed.support.NginxConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The container deployment in {@code docker/}, checked without a container engine: the compose
 * files, the image build and the gateway's routes.
 */
class DockerDeploymentTest {

    /** An exact version: three numbers, then at most a variant ({@code 2024.2.3-nonroot}, {@code 17.0.15_6-jre}). */
    private static final Pattern EXACT_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+([_.+-][A-Za-z0-9]+)*");

    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?[^}]*}");

    static Path docker;
    static Map<String, Object> compose;
    static Map<String, Map<String, Object>> services;
    static NginxConfig nginx;

    @BeforeAll
    static void readTheDeployment() throws IOException {
        docker = Path.of(System.getProperty("ikz.docker.dir", "../docker"));
        compose = yaml(docker.resolve("compose.yaml"));
        services = cast(compose.get("services"));
        nginx = NginxConfig.parse(Files.readString(docker.resolve("nginx.conf")));
    }

    @Test
    void theDeploymentHasTheLedgerItsInfrastructureAndOneEntryPoint() {
        assertThat(services).containsOnlyKeys("axonserver", "mongo", "command-side", "query-side", "gateway");
    }

    @Test
    void everyImageIsPinnedToAnExactVersion() throws IOException {
        List<String> images = new ArrayList<>();
        services.values().forEach(service -> images.add((String) service.get("image")));
        for (String line : Files.readAllLines(docker.resolve("Dockerfile"))) {
            Matcher from = Pattern.compile("^FROM\\s+(\\S+)").matcher(line.strip());
            if (from.find() && from.group(1).contains(":")) {
                images.add(from.group(1));
            }
        }

        assertThat(images).hasSizeGreaterThanOrEqualTo(7).allSatisfy(image -> {
            assertThat(image).as("image").isNotNull().contains(":");
            String tag = image.substring(image.lastIndexOf(':') + 1);
            assertThat(tag).as(image).doesNotContainIgnoringCase("latest").matches(EXACT_VERSION);
        });
        assertThat(images)
                .anyMatch(i -> i.startsWith("axoniq/axonserver:"))
                .anyMatch(i -> i.startsWith("mongo:"))
                .anyMatch(i -> i.startsWith("nginx:"))
                .anyMatch(i -> i.startsWith("eclipse-temurin:17.") && i.endsWith("-jdk"))
                .anyMatch(i -> i.startsWith("eclipse-temurin:17.") && i.endsWith("-jre"));
    }

    @Test
    void everyServiceHasAHealthCheckAndStartsOnlyAfterWhatItNeedsIsHealthy() {
        services.forEach((name, service) -> {
            Map<String, Object> healthcheck = cast(service.get("healthcheck"));
            assertThat(healthcheck).as(name + " healthcheck").isNotNull().containsKey("test");
            Map<String, Map<String, Object>> dependsOn = cast(service.getOrDefault("depends_on", Map.of()));
            dependsOn.forEach((dependency, condition) -> assertThat(condition)
                    .as(name + " depends on " + dependency)
                    .containsEntry("condition", "service_healthy"));
        });
        assertThat(dependencies("command-side")).containsExactly("axonserver");
        assertThat(dependencies("query-side")).containsExactlyInAnyOrder("axonserver", "mongo");
        assertThat(dependencies("gateway")).containsExactlyInAnyOrder("command-side", "query-side");
        for (String side : List.of("command-side", "query-side")) {
            assertThat(healthTest(side)).contains("/actuator/health/readiness");
        }
    }

    @Test
    void bothSidesAreConfiguredThroughTheEnvironmentOnly() {
        Map<String, String> command = environment("command-side");
        Map<String, String> query = environment("query-side");

        for (Map<String, String> side : List.of(command, query)) {
            assertThat(side)
                    .containsEntry("AXON_AXONSERVER_SERVERS", "axonserver:8124")
                    .containsEntry("SERVER_ADDRESS", "0.0.0.0")
                    .containsEntry("IKZ_SECURITY_ACCOUNTS_0_ROLE", "ADMIN");
            side.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("IKZ_SECURITY_ACCOUNTS_")
                            && !e.getKey().endsWith("_ROLE"))
                    .forEach(e -> assertThat(e.getValue())
                            .as(e.getKey() + " comes from docker/.env")
                            .matches(REQUIRED_VARIABLE));
        }
        assertThat(query).containsEntry("IKZ_MONGO_URI", "mongodb://mongo:27017/?replicaSet=rs0");
        assertThat(command).doesNotContainKey("IKZ_MONGO_URI");
        assertThat(build("command-side")).containsEntry("target", "command-side");
        assertThat(build("query-side")).containsEntry("target", "query-side");
    }

    @Test
    void mongoRunsAsAReplicaSetThatItsHealthCheckInitiates() {
        Map<String, Object> mongo = services.get("mongo");

        assertThat(String.join(" ", strings(mongo.get("command")))).contains("--replSet rs0");
        assertThat(healthTest("mongo"))
                .contains("rs.initiate(")
                .contains("'rs0'")
                .contains("mongo:27017");
        assertThat(String.join(" ", strings(mongo.get("volumes")))).contains(":/data/db");
    }

    @Test
    void onlyTheGatewayAndTheAxonServerDashboardArePublishedAndOnlyOnThisHost() {
        Map<String, List<String>> published = new LinkedHashMap<>();
        services.forEach((name, service) -> published.put(name, strings(service.getOrDefault("ports", List.of()))));

        assertThat(published.get("gateway")).singleElement().asString().endsWith(":8080");
        assertThat(published.get("axonserver")).containsExactly("127.0.0.1:8024:8024");
        assertThat(published.get("command-side")).isEmpty();
        assertThat(published.get("query-side")).isEmpty();
        assertThat(published.get("mongo")).isEmpty();
        published.values().stream()
                .flatMap(List::stream)
                .forEach(port -> assertThat(port).startsWith("127.0.0.1:"));
        assertThat(strings(services.get("gateway").get("volumes"))).contains("./nginx.conf:/etc/nginx/nginx.conf:ro");
    }

    @Test
    void theReplicasOverrideRunsTwoQuerySidesOfTheBaseFile() throws IOException {
        Map<String, Object> replicas = yaml(docker.resolve("compose.replicas.yaml"));
        Map<String, Map<String, Object>> overridden = cast(replicas.get("services"));

        assertThat(overridden).containsOnlyKeys("query-side");
        Map<String, Object> deploy = cast(overridden.get("query-side").get("deploy"));
        assertThat(deploy).containsEntry("replicas", 2);
        assertThat(strings(services.get("query-side").getOrDefault("ports", List.of())))
                .as("replicas cannot share a published port")
                .isEmpty();
        assertThat(services.get("query-side")).doesNotContainKey("container_name");
    }

    @Test
    void theEnvironmentExampleNamesEveryRequiredSettingAndHoldsNoSecret() throws IOException {
        String composeText = Files.readString(docker.resolve("compose.yaml"));
        Properties example = new Properties();
        try (var reader = Files.newBufferedReader(docker.resolve(".env.example"))) {
            example.load(reader);
        }
        Matcher required = REQUIRED_VARIABLE.matcher(composeText);
        Set<String> names = new java.util.TreeSet<>();
        while (required.find()) {
            names.add(required.group(1));
        }

        assertThat(names).isNotEmpty();
        assertThat(example.stringPropertyNames()).containsAll(names);
        example.stringPropertyNames().stream()
                .filter(name -> name.endsWith("_PASSWORD"))
                .forEach(name -> assertThat(example.getProperty(name)).as(name).contains("<to be provided>"));
    }

    @Test
    void theImagesAreBuiltWithTheWrapperAndRunAsAnUnprivilegedUserWithHealthChecks() throws IOException {
        String dockerfile = Files.readString(docker.resolve("Dockerfile"));
        List<String> stages = new ArrayList<>();
        Matcher stage = Pattern.compile("(?m)^FROM\\s+\\S+\\s+AS\\s+(\\S+)").matcher(dockerfile);
        while (stage.find()) {
            stages.add(stage.group(1));
        }

        assertThat(stages).containsExactly("build", "runtime", "command-side", "query-side");
        assertThat(dockerfile).contains("./mvnw ");
        assertThat(dockerfile).contains("-XX:MaxRAMPercentage=75").contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(dockerfile)
                .containsPattern("HEALTHCHECK[^\\n]*(\\n\\s+[^\\n]*)*curl[^\\n]*/actuator/health/readiness");
        for (String side : List.of("command-side", "query-side")) {
            String body = dockerfile.substring(dockerfile.indexOf("AS " + side));
            body = body.contains("\nFROM ") ? body.substring(0, body.indexOf("\nFROM ")) : body;
            assertThat(body).as(side).containsPattern("(?m)^USER 10001:10001$");
            Matcher main = Pattern.compile("\"(de\\.ikz\\.ledger\\.[\\w.]+Application)\"")
                    .matcher(body);
            assertThat(main.find()).as(side + " entry point").isTrue();
            assertThat(classExists(main.group(1))).as(main.group(1)).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} {1} goes to the {2}")
    @CsvSource({
        "POST,   /api/partners,                                                        command-side",
        "PATCH,  /api/partners/saarbruecken,                                           command-side",
        "POST,   /api/agreements,                                                      command-side",
        "POST,   /api/agreements/it-kooperation-2014/parties,                          command-side",
        "POST,   /api/agreements/it-kooperation-2014/signatures,                       command-side",
        "PATCH,  /api/agreements/it-kooperation-2014,                                  command-side",
        "POST,   /api/agreements/it-kooperation-2014/termination,                      command-side",
        "POST,   /api/agreements/it-kooperation-2014/delegations,                      command-side",
        "POST,   /api/agreements/it-kooperation-2014/delegations/wohngeld/start,       command-side",
        "POST,   /api/agreements/it-kooperation-2014/delegations/wohngeld/suspension,  command-side",
        "POST,   /api/agreements/it-kooperation-2014/delegations/wohngeld/resumption,  command-side",
        "POST,   /api/agreements/it-kooperation-2014/delegations/wohngeld/end,         command-side",
        "POST,   /api/agreements/it-kooperation-2014/delegations/wohngeld/cost-entries, command-side",
        "POST,   /api/agreements/it-kooperation-2014/cost-entries/e-1/reversal,        command-side",
        "DELETE, /api/agreements/it-kooperation-2014,                                  command-side",
        "GET,    /api/partners,                                                        query-side",
        "GET,    /api/partners/saarbruecken,                                           query-side",
        "GET,    /api/partners/saarbruecken/services?on=2014-06-01,                    query-side",
        "GET,    /api/partners/saarbruecken/savings?fiscalYear=2014,                   query-side",
        "HEAD,   /api/partners/saarbruecken,                                           query-side",
        "GET,    /api/savings?fiscalYear=2014,                                         query-side",
        "GET,    /api/service-matrix,                                                  query-side",
        "GET,    /api/agreements,                                                      query-side",
        "GET,    /api/agreements/it-kooperation-2014,                                  query-side",
        "GET,    /api/agreements/it-kooperation-2014/history,                          query-side",
        "GET,    /api/audit/events?partnerId=saarbruecken&type=AgreementSigned,        query-side",
        "POST,   /api/audit/verifications,                                             query-side",
        "POST,   /api/admin/replays,                                                   query-side",
        "GET,    /api/admin/replays/r-1,                                               query-side",
        "GET,    /api/events?after=0&limit=100,                                        query-side",
        "GET,    /api/events/stream,                                                   query-side",
        "POST,   /api/webhooks,                                                        query-side",
        "GET,    /api/webhooks/w-1/deliveries,                                         query-side",
        "DELETE, /api/webhooks/w-1,                                                    query-side",
    })
    void theGatewayRoutesEachEndpointToTheServiceThatServesIt(String method, String uri, String service) {
        String upstream = nginx.upstreamFor(method, uri).orElseThrow(() -> new AssertionError("no route"));

        assertThat(nginx.upstreams()).containsKey(upstream);
        assertThat(nginx.upstreams().get(upstream)).containsExactly(service + ":8080");
        assertThat(services).containsKey(service);
    }

    @Test
    void theGatewayStreamsEventsWithoutBufferingAndAnswersUnknownPathsItself() {
        NginxConfig.Directive stream = nginx.location("/api/events/stream").orElseThrow();

        assertThat(stream.first("proxy_buffering").orElseThrow().args()).containsExactly("off");
        assertThat(nginx.upstreamFor("GET", "/actuator/env")).isEmpty();
        assertThat(nginx.upstreamFor("GET", "/v3/api-docs")).isEmpty();
        assertThat(nginx.location("/healthz").orElseThrow().first("return")).isPresent();
    }

    private static List<String> dependencies(String service) {
        Map<String, Object> dependsOn = cast(services.get(service).getOrDefault("depends_on", Map.of()));
        return List.copyOf(dependsOn.keySet());
    }

    private static String healthTest(String service) {
        Map<String, Object> healthcheck = cast(services.get(service).get("healthcheck"));
        Object test = healthcheck.get("test");
        return test instanceof List<?> list ? String.join(" ", strings(list)) : String.valueOf(test);
    }

    private static Map<String, String> environment(String service) {
        Map<String, Object> environment = cast(services.get(service).get("environment"));
        Map<String, String> values = new LinkedHashMap<>();
        environment.forEach((k, v) -> values.put(k, String.valueOf(v)));
        return values;
    }

    private static Map<String, Object> build(String service) {
        return cast(services.get(service).get("build"));
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name, false, DockerDeploymentTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static List<String> strings(Object list) {
        return list == null
                ? List.of()
                : Stream.of(((List<?>) list).toArray()).map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (var reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }
}
