package de.ikz.ledger.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Accounts for HTTP Basic ({@code ikz.security.accounts[i].*}). Passwords use Spring Security's
 * encoded form, for example {@code {bcrypt}$2a$10$...}; {@code {noop}} is for local demo accounts only.
 */
@ConfigurationProperties("ikz.security")
public record LedgerSecurityProperties(List<Account> accounts) {

    public LedgerSecurityProperties {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    /** One account: a role, and for {@code PARTNER} the partner it is bound to. */
    public record Account(String username, String password, LedgerRole role, String partnerId) {}
}
