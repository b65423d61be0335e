package de.ikz.ledger.benchmarks.apps;

import de.ikz.ledger.command.CommandSide;
import de.ikz.ledger.query.QuerySide;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The local default as the launcher runs it (both sides in one JVM, durable embedded event store
 * with the hash chain, embedded MongoDB-wire server), plus the no-op endpoint.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({CommandSide.class, QuerySide.class, NoOpEndpoint.class})
public class LedgerBenchmarkApplication {}
