package de.ikz.ledger.platform;

import de.ikz.ledger.platform.axon.AxonMessagingConfiguration;
import de.ikz.ledger.platform.security.SecurityConfiguration;
import de.ikz.ledger.platform.web.ProblemHandler;
import de.ikz.ledger.platform.web.WebConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/** What both sides of the ledger share: messaging, HTTP conventions and security. */
@Configuration(proxyBeanMethods = false)
@Import({AxonMessagingConfiguration.class, WebConfiguration.class, SecurityConfiguration.class, ProblemHandler.class})
@PropertySource("classpath:ikz/platform-defaults.properties")
public class PlatformConfiguration {}
