package de.ikz.ledger.command.infra;

import static de.ikz.ledger.command.ReferenceCase.AGREEMENT;
import static de.ikz.ledger.command.ReferenceCase.HOMBURG;
import static de.ikz.ledger.command.ReferenceCase.SAARPFALZ;
import static de.ikz.ledger.command.ReferenceCase.UNREGISTERED;
import static de.ikz.ledger.command.ReferenceCase.drafted;
import static de.ikz.ledger.command.ReferenceCase.registered;

import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.api.Refusal;
import de.ikz.ledger.api.agreement.AdmitParty;
import de.ikz.ledger.api.partner.RenamePartner;
import de.ikz.ledger.command.ReferenceCase;
import de.ikz.ledger.command.agreement.CooperationAgreement;
import de.ikz.ledger.command.partner.Partner;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;

/**
 * A refused command reaches its sender as a {@link CommandExecutionException} whose details carry
 * the stable code, so the code survives the trip through Axon Server.
 */
class RefusalInterceptorTest {

    @Test
    void aBrokenRuleOfAPartnerTravelsAsItsCode() {
        partners()
                .given(registered(HOMBURG))
                .when(new RenamePartner(HOMBURG, registered(HOMBURG).name()))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(refusal(ErrorCode.NAME_UNCHANGED));
    }

    @Test
    void aBrokenRuleOfAnAgreementTravelsAsItsCode() {
        agreements()
                .given(drafted())
                .when(new AdmitParty(AGREEMENT, SAARPFALZ))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(refusal(ErrorCode.PARTY_ALREADY_ADMITTED));
    }

    @Test
    void anUnknownPartnerIsNotFound() {
        partners()
                .givenNoPriorActivity()
                .when(new RenamePartner(UNREGISTERED, "Stadt St. Ingbert"))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(refusal(ErrorCode.PARTNER_NOT_FOUND));
    }

    @Test
    void anUnknownAgreementIsNotFound() {
        agreements()
                .givenNoPriorActivity()
                .when(new AdmitParty("unbekannt", HOMBURG))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(refusal(ErrorCode.AGREEMENT_NOT_FOUND));
    }

    private static Matcher<Refusal> refusal(ErrorCode code) {
        return new TypeSafeMatcher<>(Refusal.class) {
            @Override
            protected boolean matchesSafely(Refusal refusal) {
                return code.name().equals(refusal.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal with code ").appendValue(code.name());
            }
        };
    }

    private static FixtureConfiguration<Partner> partners() {
        FixtureConfiguration<Partner> fixture = new AggregateTestFixture<>(Partner.class);
        fixture.registerInjectableResource(ReferenceCase.directory());
        fixture.registerCommandHandlerInterceptor(new RefusalInterceptor());
        return fixture;
    }

    private static FixtureConfiguration<CooperationAgreement> agreements() {
        FixtureConfiguration<CooperationAgreement> fixture = new AggregateTestFixture<>(CooperationAgreement.class);
        fixture.registerInjectableResource(ReferenceCase.directory());
        fixture.registerInjectableResource(ReferenceCase.CLOCK);
        fixture.registerCommandHandlerInterceptor(new RefusalInterceptor());
        return fixture;
    }
}
