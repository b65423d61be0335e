package de.ikz.ledger.platform.settings;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Reports an {@link InvalidSettingException} as one line naming the setting and the problem,
 * instead of a stack trace. Runs before Spring Boot's own analyzers so that a setting that also
 * fails to bind is reported in the service's words.
 */
public class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException> implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
        return new FailureAnalysis(description(cause), action(cause), cause);
    }

    static String description(InvalidSettingException cause) {
        return oneLine("Invalid setting " + cause.setting() + " (environment variable " + cause.environmentVariable()
                + "): " + cause.problem());
    }

    static String action(InvalidSettingException cause) {
        return "Correct " + cause.setting() + " and start again; docs/CONFIGURATION.md lists every setting.";
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
