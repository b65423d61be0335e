package de.ikz.ledger.command;

import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.command.domain.RuleViolated;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Matchers for refused commands. */
public final class Refusals {

    private Refusals() {}

    /** A {@link RuleViolated} carrying exactly this code. */
    public static Matcher<RuleViolated> violates(ErrorCode code) {
        return new TypeSafeDiagnosingMatcher<>(RuleViolated.class) {
            @Override
            protected boolean matchesSafely(RuleViolated violation, Description mismatch) {
                if (violation.code() != code) {
                    mismatch.appendText("refused with ")
                            .appendValue(violation.code())
                            .appendText(" (")
                            .appendText(violation.getMessage())
                            .appendText(")");
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal with code ").appendValue(code);
            }
        };
    }
}
