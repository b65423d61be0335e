package de.ikz.ledger.benchmarks.apps;

import de.ikz.ledger.command.CommandSide;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The command side on its durable embedded store with the hash chain, its aggregates cached (a variant). */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = MongoAutoConfiguration.class)
@Import({CommandSide.class, NoOpEndpoint.class, AggregateCacheVariant.class})
public class EmbeddedCachedCommandApplication {}
