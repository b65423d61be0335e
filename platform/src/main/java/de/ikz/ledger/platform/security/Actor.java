package de.ikz.ledger.platform.security;

import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.platform.web.LedgerProblemException;
import java.util.Collection;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated user a request acts for.
 *
 * @param partnerId the partner a {@code PARTNER} account is bound to, otherwise {@code null}
 */
public record Actor(String name, LedgerRole role, String partnerId) {

    /** Authority that binds an account to a partner: {@code partner:<id>}. */
    public static final String PARTNER_AUTHORITY_PREFIX = "partner:";

    public static Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new LedgerProblemException(ErrorCode.UNAUTHENTICATED, null);
        }
        return from(auth).orElseThrow(() -> new LedgerProblemException(ErrorCode.FORBIDDEN, null));
    }

    public static Optional<Actor> from(Authentication auth) {
        LedgerRole role = null;
        String partner = null;
        for (GrantedAuthority granted : auth.getAuthorities()) {
            String authority = granted.getAuthority();
            if (authority.startsWith(PARTNER_AUTHORITY_PREFIX)) {
                partner = authority.substring(PARTNER_AUTHORITY_PREFIX.length());
            } else if (authority.startsWith("ROLE_") && role == null) {
                try {
                    role = LedgerRole.valueOf(authority.substring("ROLE_".length()));
                } catch (IllegalArgumentException ignored) {
                    // an authority of another system; not one of ours
                }
            }
        }
        if (role == null || (role == LedgerRole.PARTNER && partner == null)) {
            return Optional.empty();
        }
        return Optional.of(new Actor(auth.getName(), role, role == LedgerRole.PARTNER ? partner : null));
    }

    public boolean isPartner() {
        return role == LedgerRole.PARTNER;
    }

    /** A partner account may act only for its own partner; every other role passes. */
    public void requireActsFor(String partner) {
        if (isPartner() && !partnerId.equals(partner)) {
            throw new LedgerProblemException(
                    ErrorCode.ACTOR_ACTS_FOR_OTHER_PARTNER,
                    "Account " + name + " acts for partner " + partnerId + ", not for " + partner + ".");
        }
    }

    /** A partner account reads only its own partner's views; every other reading role passes. */
    public void requireReads(String partner) {
        if (isPartner() && !partnerId.equals(partner)) {
            throw new LedgerProblemException(
                    ErrorCode.ACTOR_READS_OTHER_PARTNER,
                    "Account " + name + " reads the views of partner " + partnerId + ", not of " + partner + ".");
        }
    }

    /** Whether this actor may see an agreement with these parties: a partner account only its own. */
    public boolean mayRead(Collection<String> parties) {
        return !isPartner() || parties.contains(partnerId);
    }
}
