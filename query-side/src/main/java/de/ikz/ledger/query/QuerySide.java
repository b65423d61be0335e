package de.ikz.ledger.query;

import de.ikz.ledger.platform.PlatformConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * The query side: projections of the event stream into MongoDB views, Axon query handlers on them,
 * and the read endpoints of the HTTP API. Import it into an application, alone or next to the
 * command side.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(
        basePackageClasses = QuerySide.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
@Import(PlatformConfiguration.class)
public class QuerySide {}
