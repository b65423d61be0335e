package de.ikz.ledger.platform.security;

/** The roles of the ledger (SPEC section 6). */
public enum LedgerRole {
    /** All commands and replays. */
    ADMIN,
    /** Bound to one partner: commands on agreements it is party to, its own cost entries. */
    PARTNER,
    /** All views. */
    MANAGER,
    /** All views, history, audit log and verifications; no commands. */
    AUDITOR,
    /** Event feed, stream and webhooks. */
    INTEGRATOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
