package de.ikz.ledger.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bearer JWTs of an OAuth2/OIDC issuer ({@code ikz.security.jwt.*}), the deployment option beside
 * the HTTP Basic accounts. Set {@code issuer} to switch it on; {@code audience} and one key source
 * ({@code public-key-location} for an RS256 public key in PEM, or {@code jwk-set-uri}) are then
 * required.
 *
 * @param issuer the {@code iss} every token must carry
 * @param audience a value the token's {@code aud} must contain
 * @param publicKeyLocation a resource ({@code file:/etc/ikz/issuer.pem}, {@code classpath:...}) with
 *     the issuer's RSA public key in PEM
 * @param jwkSetUri the issuer's JSON Web Key Set, instead of a fixed key
 * @param roleClaim the claim that names the role ({@code role}; {@code roles} is read when it is absent)
 * @param partnerClaim the claim that names the partner of a {@code PARTNER} ({@code partner_id})
 */
@ConfigurationProperties("ikz.security.jwt")
public record JwtSettings(
        String issuer,
        String audience,
        String publicKeyLocation,
        String jwkSetUri,
        String roleClaim,
        String partnerClaim) {

    public JwtSettings {
        roleClaim = roleClaim == null || roleClaim.isBlank() ? "role" : roleClaim;
        partnerClaim = partnerClaim == null || partnerClaim.isBlank() ? "partner_id" : partnerClaim;
    }
}
