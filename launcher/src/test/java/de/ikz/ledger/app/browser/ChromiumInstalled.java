package de.ikz.ledger.app.browser;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * Skips each test, saying why, when the system's Chromium or chromedriver is missing. Declared
 * before {@code @SpringBootTest}, it runs before the application context is loaded, so a machine
 * without a browser does not boot the service for nothing.
 */
public final class ChromiumInstalled implements TestInstancePostProcessor {

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        Browser.assumeInstalled();
    }
}
