package de.ikz.ledger.command;

import de.ikz.ledger.platform.PlatformConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/**
 * The command side: aggregates, the command API and the event store. Imported by the standalone
 * {@link CommandSideApplication} and by the launcher that runs both sides in one JVM.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(
        basePackageClasses = CommandSide.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
@Import(PlatformConfiguration.class)
@PropertySource("classpath:ikz/command-side-defaults.properties")
public class CommandSide {}
