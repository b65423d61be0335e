package de.ikz.ledger.benchmarks.apps;

import de.ikz.ledger.command.CommandSide;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The command side alone on its durable embedded event store (H2 file, {@code WRITE_DELAY=0}, the
 * hash chain and its anchors on), as it ships, plus the no-op endpoint.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = MongoAutoConfiguration.class)
@Import({CommandSide.class, NoOpEndpoint.class})
public class EmbeddedCommandApplication {}
