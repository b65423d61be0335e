package de.ikz.ledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import de.ikz.ledger.command.http.HttpApi.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Bearer JWTs of the configured issuer authenticate like the Basic accounts: the role from claim
 * {@code role} (or {@code roles}), the partner from {@code partner_id}. Missing, expired, foreign,
 * mis-addressed, forged and unsigned tokens are answered with {@code 401} problems.
 */
class ReliabilityJwtTest extends ReliabilityServer {

    private static String token(UnaryOperator<JWTClaimsSet.Builder> claims) {
        return sign(ISSUER_KEY, claims.apply(validClaims("jwt-user")).build());
    }

    private static JWTClaimsSet.Builder validClaims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE, "another-service"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Reply call(String label, String token, String method, String path, String body) {
        var call = api.as(null);
        if (token != null) {
            call.header("Authorization", "Bearer " + token);
        }
        Reply reply = call.send(method, path, body, body == null ? null : "application/json");
        System.out.printf(
                "%-40s %-4s %-45s -> %d %s%n",
                label, method, path, reply.status(), reply.code() == null ? "" : reply.code());
        return reply;
    }

    @Test
    void validTokensActWithTheRoleAndPartnerOfTheirClaims() {
        String admin = token(c -> c.subject("jwt-admin").claim("role", "ADMIN"));
        Reply created = call(
                "ADMIN token",
                admin,
                "POST",
                "/api/agreements",
                "{\"id\":\"jwt-kooperation\",\"title\":\"JWT\",\"subject\":\"IT\","
                        + "\"partyIds\":[\"saarbruecken\",\"saarpfalz-kreis\"],\"validFrom\":\"2014-01-01\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        String district = token(
                c -> c.subject("kreis-user").claim("roles", List.of("PARTNER")).claim("partner_id", "saarpfalz-kreis"));
        Reply signed = call(
                "PARTNER token (roles claim)",
                district,
                "POST",
                "/api/agreements/jwt-kooperation/signatures",
                "{\"partnerId\":\"saarpfalz-kreis\",\"signatoryName\":\"L\",\"signatoryRole\":\"Landrat\",\"signedOn\":\"2014-05-22\"}");
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        assertThat(call(
                                "PARTNER token, other partner",
                                district,
                                "POST",
                                "/api/agreements/jwt-kooperation/signatures",
                                "{\"partnerId\":\"saarbruecken\",\"signatoryName\":\"B\",\"signatoryRole\":\"OB\",\"signedOn\":\"2014-05-22\"}")
                        .code())
                .isEqualTo("ACTOR_ACTS_FOR_OTHER_PARTNER");
        assertThat(call("PARTNER token, own savings", district, "GET", "/api/partners/saarpfalz-kreis/savings", null)
                        .status())
                .isEqualTo(200);
        assertThat(call("PARTNER token, other savings", district, "GET", "/api/partners/saarbruecken/savings", null)
                        .code())
                .isEqualTo("ACTOR_READS_OTHER_PARTNER");

        String manager = token(c -> c.claim("role", "MANAGER"));
        assertThat(call("MANAGER token", manager, "GET", "/api/savings", null).status())
                .isEqualTo(200);
        assertThat(call("MANAGER token, a command", manager, "POST", "/api/partners", "{}")
                        .code())
                .isEqualTo("FORBIDDEN");
        String noRole = token(c -> c.claim("role", "EVERYONE"));
        assertThat(call("token with an unknown role", noRole, "GET", "/api/savings", null)
                        .code())
                .isEqualTo("FORBIDDEN");
        String partnerWithoutPartner = token(c -> c.claim("role", "PARTNER"));
        assertThat(call("PARTNER token without partner_id", partnerWithoutPartner, "GET", "/api/savings", null)
                        .code())
                .isEqualTo("FORBIDDEN");

        Reply history = api.as(ReliabilityFixtures.AUDITOR).get("/api/agreements/jwt-kooperation/history");
        assertThat(history.json()
                        .path("events")
                        .get(0)
                        .path("metadata")
                        .path("actor")
                        .asText())
                .isEqualTo("jwt-admin");
        assertThat(history.json()
                        .path("events")
                        .get(1)
                        .path("metadata")
                        .path("actor")
                        .asText())
                .isEqualTo("kreis-user");
        System.out.println("the history names the tokens' subjects as actors: jwt-admin, kreis-user");
        assertThat(api.as(ReliabilityFixtures.MANAGER).get("/api/savings").status())
                .as("HTTP Basic goes on working beside JWT")
                .isEqualTo(200);
    }

    @Test
    void missingExpiredForeignForgedAndUnsignedTokensAreUnauthenticated() throws Exception {
        RSAKey otherKey = new RSAKeyGenerator(2048).keyID("test-issuer").generate();
        Instant past = Instant.now().minus(Duration.ofHours(2));
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("no token", null);
        tokens.put("not a JWT", "not-a-jwt");
        tokens.put(
                "expired",
                token(c -> c.claim("role", "ADMIN")
                        .issueTime(Date.from(past))
                        .expirationTime(Date.from(past.plus(Duration.ofMinutes(5))))));
        tokens.put("without expiry", token(c -> c.claim("role", "ADMIN").expirationTime(null)));
        tokens.put("wrong issuer", token(c -> c.claim("role", "ADMIN").issuer("https://evil.example")));
        tokens.put("wrong audience", token(c -> c.claim("role", "ADMIN").audience("another-service")));
        tokens.put("no audience", token(c -> c.claim("role", "ADMIN").audience((String) null)));
        tokens.put(
                "bad signature (other key)",
                sign(otherKey, validClaims("mallory").claim("role", "ADMIN").build()));
        String valid = token(c -> c.claim("role", "ADMIN"));
        String[] parts = valid.split("\\.");
        tokens.put(
                "tampered payload", parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2]);
        tokens.put(
                "unsigned (alg none)",
                new PlainJWT(validClaims("mallory").claim("role", "ADMIN").build()).serialize());
        tokens.put(
                "alg none, signature kept",
                new PlainJWT(validClaims("mallory").claim("role", "ADMIN").build()).serialize() + parts[2]);

        for (Map.Entry<String, String> token : tokens.entrySet()) {
            for (String[] request : new String[][] {
                {"GET", "/api/savings", null},
                {"POST", "/api/partners", "{\"id\":\"jwt-intruder\",\"name\":\"X\",\"kind\":\"DISTRICT\"}"}
            }) {
                Reply reply = call(token.getKey(), token.getValue(), request[0], request[1], request[2]);
                assertThat(reply.status()).as(token.getKey() + " " + reply).isEqualTo(401);
                assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
                assertThat(reply.code()).isEqualTo("UNAUTHENTICATED");
                assertThat(reply.header("WWW-Authenticate")).isNotNull();
            }
        }
        assertThat(api.as(ReliabilityFixtures.MANAGER)
                        .get("/api/partners/jwt-intruder")
                        .status())
                .isEqualTo(404);
        System.out.println(
                "refused " + tokens.size() + " kinds of bad tokens, each on a query and a command, with 401");
    }
}
