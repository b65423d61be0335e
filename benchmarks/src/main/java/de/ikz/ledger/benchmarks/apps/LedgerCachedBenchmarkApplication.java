package de.ikz.ledger.benchmarks.apps;

import de.ikz.ledger.command.CommandSide;
import de.ikz.ledger.query.QuerySide;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** {@link LedgerBenchmarkApplication} with its aggregates cached (a variant). */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({CommandSide.class, QuerySide.class, NoOpEndpoint.class, AggregateCacheVariant.class})
public class LedgerCachedBenchmarkApplication {}
