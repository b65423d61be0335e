package de.ikz.ledger.platform.security;

import de.ikz.ledger.platform.settings.InvalidSettingException;
import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.StringUtils;

/**
 * Checks bearer JWTs and maps their claims to the same authorities an HTTP Basic account has: the
 * role of claim {@code role} (or {@code roles}) as {@code ROLE_<role>}, and for a {@code PARTNER}
 * the partner of claim {@code partner_id} as {@code partner:<id>} (see {@link Actor}). A token must
 * be signed with RS256 by the configured key, come from the configured issuer, name the configured
 * audience, carry a subject and an expiry, and not be expired; unsigned tokens ({@code alg: none})
 * are refused.
 */
public final class JwtAuthentication {

    private static final Pattern PARTNER_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");

    private final JwtSettings settings;
    private final JwtDecoder decoder;

    JwtAuthentication(JwtSettings settings, ResourceLoader resources) {
        this.settings = settings;
        this.decoder = decoder(settings, resources);
    }

    public JwtDecoder decoder() {
        return decoder;
    }

    /** Claims to authorities, like {@link SecurityConfiguration#toUser} does for an account. */
    public Converter<Jwt, AbstractAuthenticationToken> authorities() {
        return jwt -> new JwtAuthenticationToken(jwt, authoritiesOf(jwt), jwt.getSubject());
    }

    List<GrantedAuthority> authoritiesOf(Jwt jwt) {
        LedgerRole role = roleOf(jwt);
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (role == null) {
            return authorities;
        }
        String partner = jwt.getClaimAsString(settings.partnerClaim());
        if (role == LedgerRole.PARTNER
                && (partner == null || !PARTNER_ID.matcher(partner).matches())) {
            // a partner token without a partner it acts for has no role here: every request is 403
            return authorities;
        }
        authorities.add(new SimpleGrantedAuthority(role.authority()));
        if (role == LedgerRole.PARTNER) {
            authorities.add(new SimpleGrantedAuthority(Actor.PARTNER_AUTHORITY_PREFIX + partner));
        }
        return authorities;
    }

    private LedgerRole roleOf(Jwt jwt) {
        Object claim = jwt.getClaims().get(settings.roleClaim());
        if (claim == null && "role".equals(settings.roleClaim())) {
            claim = jwt.getClaims().get("roles");
        }
        Collection<?> values = claim instanceof Collection<?> many ? many : claim == null ? List.of() : List.of(claim);
        for (Object value : values) {
            for (LedgerRole role : LedgerRole.values()) {
                if (role.name().equals(String.valueOf(value))) {
                    return role;
                }
            }
        }
        return null;
    }

    private static JwtDecoder decoder(JwtSettings settings, ResourceLoader resources) {
        String prefix = "ikz.security.jwt.";
        if (!StringUtils.hasText(settings.audience())) {
            throw new InvalidSettingException(
                    prefix + "audience", "is missing: a token for another service of the same issuer must not pass");
        }
        boolean key = StringUtils.hasText(settings.publicKeyLocation());
        boolean jwks = StringUtils.hasText(settings.jwkSetUri());
        if (key == jwks) {
            throw new InvalidSettingException(
                    prefix + "public-key-location",
                    key
                            ? "and ikz.security.jwt.jwk-set-uri are both set; name one source of keys"
                            : "or ikz.security.jwt.jwk-set-uri is needed to check the tokens' signatures");
        }
        NimbusJwtDecoder decoder = key
                ? NimbusJwtDecoder.withPublicKey(publicKey(resources, settings.publicKeyLocation()))
                        .signatureAlgorithm(SignatureAlgorithm.RS256)
                        .build()
                : NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri())
                        .jwsAlgorithm(SignatureAlgorithm.RS256)
                        .build();
        List<OAuth2TokenValidator<Jwt>> validators = List.of(
                JwtValidators.createDefaultWithIssuer(settings.issuer()),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD, aud -> aud != null && aud.contains(settings.audience())),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, StringUtils::hasText));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    private static RSAPublicKey publicKey(ResourceLoader resources, String location) {
        Resource resource = resources.getResource(location);
        try (InputStream in = resource.getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException | RuntimeException unreadable) {
            throw new InvalidSettingException(
                    "ikz.security.jwt.public-key-location",
                    location + " is not readable as an RSA public key in PEM (" + unreadable.getMessage() + ")");
        }
    }
}
