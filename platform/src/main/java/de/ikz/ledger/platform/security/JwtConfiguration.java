package de.ikz.ledger.platform.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** Bearer JWTs, when {@code ikz.security.jwt.issuer} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ikz.security.jwt.issuer")
@EnableConfigurationProperties(JwtSettings.class)
class JwtConfiguration {

    @Bean
    JwtAuthentication jwtAuthentication(JwtSettings settings, ResourceLoader resources) {
        return new JwtAuthentication(settings, resources);
    }
}
