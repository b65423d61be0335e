package de.ikz.ledger.platform;

import de.ikz.ledger.platform.axon.AxonMessagingConfiguration;
import de.ikz.ledger.platform.operations.OperationsConfiguration;
import de.ikz.ledger.platform.security.SecurityConfiguration;
import de.ikz.ledger.platform.web.ApiDocumentation;
import de.ikz.ledger.platform.web.ProblemHandler;
import de.ikz.ledger.platform.web.WebConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/**
 * What both sides of the ledger share: messaging, HTTP conventions, security, API documentation and
 * operations (health, metrics, correlation ids in logs). The settings are checked at start-up by
 * {@link de.ikz.ledger.platform.settings.SettingsCheck}.
 */
@Configuration(proxyBeanMethods = false)
@Import({
    AxonMessagingConfiguration.class,
    WebConfiguration.class,
    SecurityConfiguration.class,
    ProblemHandler.class,
    ApiDocumentation.class,
    OperationsConfiguration.class
})
@PropertySource("classpath:ikz/platform-defaults.properties")
public class PlatformConfiguration {}
