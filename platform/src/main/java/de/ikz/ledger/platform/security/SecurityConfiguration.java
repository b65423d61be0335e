package de.ikz.ledger.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.platform.settings.InvalidSettingException;
import de.ikz.ledger.platform.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** Who may call what (SPEC section 6). Partner scoping beyond the role is checked where the data is. */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(LedgerSecurityProperties.class)
@Import(JwtConfiguration.class)
public class SecurityConfiguration {

    private static final String[] COMMANDERS = {LedgerRole.ADMIN.name(), LedgerRole.PARTNER.name()};
    private static final String[] READERS = {
        LedgerRole.ADMIN.name(), LedgerRole.MANAGER.name(), LedgerRole.AUDITOR.name(), LedgerRole.PARTNER.name()
    };
    private static final String[] AUDITORS = {LedgerRole.ADMIN.name(), LedgerRole.AUDITOR.name()};
    private static final String[] INTEGRATORS = {LedgerRole.ADMIN.name(), LedgerRole.INTEGRATOR.name()};
    /** The OpenAPI description and Swagger UI: public, like the contract they describe. */
    private static final String[] API_DOCUMENTATION = {
        "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**"
    };
    /** The dashboard's static files: public; it reads every figure through the API with the user's account. */
    private static final String[] DASHBOARD = {"/", "/index.html", "/assets/**", "/favicon.ico", "/webjars/**"};

    @Bean
    SecurityFilterChain ledgerSecurity(HttpSecurity http, ObjectMapper json, ObjectProvider<JwtAuthentication> jwt)
            throws Exception {
        JwtAuthentication bearer = jwt.getIfAvailable();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(
                        (request, response, ex) -> writeProblem(json, response, ErrorCode.UNAUTHENTICATED, true)))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
                            if (bearer != null) {
                                response.addHeader("WWW-Authenticate", "Bearer realm=\"ikz-ledger\"");
                            }
                            writeProblem(json, response, ErrorCode.UNAUTHENTICATED, true);
                        })
                        .accessDeniedHandler(
                                (request, response, ex) -> writeProblem(json, response, ErrorCode.FORBIDDEN, false)))
                .authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health/**", "/actuator/health")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers(API_DOCUMENTATION)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, DASHBOARD)
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(LedgerRole.ADMIN.name())
                        .requestMatchers("/api/admin/dead-letters", "/api/admin/dead-letters/**")
                        .hasRole(LedgerRole.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/admin/**")
                        .hasRole(LedgerRole.ADMIN.name())
                        .requestMatchers("/api/admin/**")
                        .hasAnyRole(AUDITORS)
                        .requestMatchers("/api/audit/**", "/api/agreements/*/history")
                        .hasAnyRole(AUDITORS)
                        .requestMatchers("/api/events/**", "/api/webhooks/**")
                        .hasAnyRole(INTEGRATORS)
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasAnyRole(READERS)
                        .requestMatchers(HttpMethod.POST, "/api/partners")
                        .hasRole(LedgerRole.ADMIN.name())
                        .requestMatchers("/api/partners/**", "/api/agreements/**")
                        .hasAnyRole(COMMANDERS)
                        .anyRequest()
                        .denyAll());
        if (bearer != null) {
            http.oauth2ResourceServer(server -> server.authenticationEntryPoint((request, response, ex) -> {
                        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                        writeProblem(json, response, ErrorCode.UNAUTHENTICATED, false);
                    })
                    .jwt(token -> token.decoder(bearer.decoder()).jwtAuthenticationConverter(bearer.authorities())));
        }
        return http.build();
    }

    /** A request the firewall refuses (encoded slashes, NUL, ...) is a client's fault: 400 with a problem. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return (request, response, rejected) -> {
            response.setStatus(ErrorCode.INVALID_PARAMETER.httpStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(
                    response.getOutputStream(),
                    Problems.of(ErrorCode.INVALID_PARAMETER, "The request path or its parameters are not acceptable."));
        };
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService ledgerAccounts(LedgerSecurityProperties properties) {
        List<UserDetails> users = new ArrayList<>();
        for (LedgerSecurityProperties.Account account : properties.accounts()) {
            users.add(toUser(account));
        }
        InMemoryUserDetailsManager accounts = new InMemoryUserDetailsManager(users);
        // only a lookup: a UserDetailsPasswordService would "upgrade" {noop} to bcrypt on first use
        // and make every later request of a stateless client pay a bcrypt check
        return accounts::loadUserByUsername;
    }

    static UserDetails toUser(LedgerSecurityProperties.Account account) {
        if (account.username() == null || account.password() == null || account.role() == null) {
            throw new InvalidSettingException(
                    "ikz.security.accounts", "every account needs username, password and role");
        }
        if ((account.role() == LedgerRole.PARTNER) != (account.partnerId() != null)) {
            throw new InvalidSettingException(
                    "ikz.security.accounts",
                    "account " + account.username() + " needs a partnerId exactly when its role is PARTNER");
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(account.role().authority()));
        if (account.partnerId() != null) {
            authorities.add(new SimpleGrantedAuthority(Actor.PARTNER_AUTHORITY_PREFIX + account.partnerId()));
        }
        return User.withUsername(account.username())
                .password(account.password())
                .authorities(authorities)
                .build();
    }

    private static void writeProblem(ObjectMapper json, HttpServletResponse response, ErrorCode code, boolean challenge)
            throws IOException {
        response.setStatus(code.httpStatus());
        if (challenge) {
            response.addHeader("WWW-Authenticate", "Basic realm=\"ikz-ledger\"");
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.of(code, null));
    }
}
