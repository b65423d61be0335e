package de.ikz.ledger.app;

import de.ikz.ledger.command.CommandSide;
import de.ikz.ledger.query.QuerySide;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The local default: command side and query side in one JVM, with the durable embedded event
 * store and the embedded MongoDB-wire server, all data under {@code ./data}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({CommandSide.class, QuerySide.class})
public class IkzLedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(IkzLedgerApplication.class, args);
    }
}
