package de.ikz.ledger.command.http;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Accounts and data directory of HTTP tests; the passwords exist only in tests. */
public final class TestAccounts {

    private TestAccounts() {}

    public static void register(DynamicPropertyRegistry registry, Path dataDir) {
        registry.add("ikz.data-dir", dataDir::toString);
        registry.add("server.address", () -> "127.0.0.1");
        String[][] accounts = {
            {"admin", "{noop}admin-test", "ADMIN", null},
            {"manager", "{noop}manager-test", "MANAGER", null},
            {"auditor", "{noop}auditor-test", "AUDITOR", null},
            {"integrator", "{noop}integrator-test", "INTEGRATOR", null},
            {"saarbruecken", "{noop}city-test", "PARTNER", "saarbruecken"},
            {"saarpfalz-kreis", "{noop}district-test", "PARTNER", "saarpfalz-kreis"},
        };
        for (int i = 0; i < accounts.length; i++) {
            String prefix = "ikz.security.accounts[" + i + "].";
            String[] account = accounts[i];
            registry.add(prefix + "username", () -> account[0]);
            registry.add(prefix + "password", () -> account[1]);
            registry.add(prefix + "role", () -> account[2]);
            if (account[3] != null) {
                registry.add(prefix + "partner-id", () -> account[3]);
            }
        }
    }
}
