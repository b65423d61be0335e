package de.ikz.ledger.platform.web;

import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.platform.consistency.ConsistencyToken;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The OpenAPI description of the HTTP API ({@code /v3/api-docs}, Swagger UI at {@code
 * /swagger-ui.html}): both security schemes, and the problem responses with every stable code.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:ikz/build.properties")
public class ApiDocumentation {

    public static final String BASIC = "basicAuth";
    public static final String BEARER = "bearerJwt";
    public static final String PROBLEM = "Problem";
    public static final String ERROR_CODE = "ErrorCode";
    public static final String PROBLEM_JSON = "application/problem+json";

    /** Problems every operation can answer with. */
    static final List<Integer> EVERY_OPERATION = List.of(400, 401, 403, 404);
    /** Problems of operations that take a body (the commands). */
    static final List<Integer> WITH_BODY = List.of(409, 412, 413, 415, 422);

    private static final Set<PathItem.HttpMethod> BODY_METHODS =
            Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH);

    @Bean
    OpenAPI ledgerOpenApi(@Value("${ikz.build.version:unknown}") String version) {
        return new OpenAPI()
                .info(new Info().title("IKZ ledger API").version(version).description(description()))
                .components(new Components()
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("HTTP Basic against the accounts configured under"
                                                + " `ikz.security.accounts` (role and, for `PARTNER`, the partner"
                                                + " id come with the account). The local default."))
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("The deployment option: an RS256 JWT of an OAuth2/OIDC issuer"
                                                + " with the role in claim `role` (or `roles`) and, for `PARTNER`,"
                                                + " the partner id in claim `partner_id`. Accepted when"
                                                + " `ikz.security.jwt.issuer` is set; the local default uses `"
                                                + BASIC + "`.")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /** Adds the {@code Problem} schema and attaches the problem responses to every operation. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return ApiDocumentation::addProblems;
    }

    static void addProblems(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        components.addSchemas(ERROR_CODE, errorCodeSchema());
        components.addSchemas(PROBLEM, problemSchema());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths()
                .values()
                .forEach(path -> path.readOperationsMap().forEach((method, operation) -> {
                    EVERY_OPERATION.forEach(status -> addProblem(operation, status));
                    if (BODY_METHODS.contains(method)) {
                        WITH_BODY.forEach(status -> addProblem(operation, status));
                    }
                }));
    }

    private static void addProblem(Operation operation, int status) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        responses.addApiResponse(
                Integer.toString(status),
                new ApiResponse()
                        .description(statusText(status) + ". Codes: " + String.join(", ", codesOf(status)) + ".")
                        .content(new Content()
                                .addMediaType(
                                        PROBLEM_JSON,
                                        new MediaType()
                                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    static List<String> codesOf(int status) {
        return Arrays.stream(ErrorCode.values())
                .filter(code -> code.httpStatus() == status)
                .map(ErrorCode::name)
                .toList();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema<?> errorCodeSchema() {
        StringSchema schema = new StringSchema();
        schema.setEnum(Arrays.stream(ErrorCode.values()).map(ErrorCode::name).toList());
        schema.description("The stable, machine-readable problem code. Clients branch on it; it is never"
                + " renamed. By status:\n\n"
                + byStatus().entrySet().stream()
                        .map(e -> "- **" + e.getKey() + "**: " + String.join(", ", e.getValue()))
                        .collect(Collectors.joining("\n")));
        return schema;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().description("JSON path of the offending field"));
        fieldError.addProperty("message", new StringSchema().description("what is wrong with it"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details (`" + PROBLEM_JSON + "`) with a stable `code`.");
        problem.addProperty("type", new StringSchema().format("uri").description(Problems.TYPE_BASE + "<code>"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema().description("the HTTP status"));
        problem.addProperty("detail", new StringSchema().description("what went wrong, for people"));
        problem.addProperty("instance", new StringSchema().format("uri"));
        problem.addProperty("code", new Schema<>().$ref("#/components/schemas/" + ERROR_CODE));
        problem.addProperty(
                "errors", new ArraySchema().items(fieldError).description("the offending fields (400 only)"));
        problem.setRequired(List.of("type", "title", "status", "code"));
        return problem;
    }

    static Map<Integer, List<String>> byStatus() {
        Map<Integer, List<String>> byStatus = new LinkedHashMap<>();
        Arrays.stream(ErrorCode.values())
                .sorted((a, b) -> Integer.compare(a.httpStatus(), b.httpStatus()))
                .forEach(code -> byStatus.computeIfAbsent(code.httpStatus(), s -> new java.util.ArrayList<>())
                        .add(code.name()));
        return byStatus;
    }

    private static String statusText(int status) {
        return switch (status) {
            case 400 -> "Malformed or invalid input, with the offending fields";
            case 401 -> "Not authenticated";
            case 403 -> "The role or partner of the account does not allow this";
            case 404 -> "Unknown resource";
            case 409 -> "A rule of the ledger refuses the command, or the id exists already";
            case 412 -> "The resource changed since the version named in If-Match";
            case 413 -> "The body is too large";
            case 415 -> "Not application/json";
            case 422 -> "A reference to something that does not exist";
            default -> "Problem";
        };
    }

    private static String description() {
        return """
                An event-sourced ledger of inter-municipal IT cooperation: partners, cooperation \
                agreements, delegated services, their costs and savings.

                **Commands** answer `201` with `Location` (creation) or `200`/`204`, and carry the \
                header `%s`: send it back with a query and the query waits until the views include \
                that write.

                **Authentication**: HTTP Basic in the local default (`%s`); a deployment uses a JWT \
                issuer (`%s`). Roles: `ADMIN`, `PARTNER` (bound to one partner), `MANAGER`, \
                `AUDITOR`, `INTEGRATOR`.

                **Errors** are `%s` with a stable `code` (schema `%s`); never `500` for anything a \
                client sent. Every response carries `%s` (send your own to tie requests together); it \
                is stored with every event the request causes.
                """.formatted(
                        ConsistencyToken.HEADER, BASIC, BEARER, PROBLEM_JSON, ERROR_CODE, CorrelationFilter.HEADER);
    }
}
