package de.ikz.ledger.command.partner;

import static de.ikz.ledger.command.ReferenceCase.HOMBURG;
import static de.ikz.ledger.command.ReferenceCase.IKS;
import static de.ikz.ledger.command.ReferenceCase.SAARBRUECKEN;
import static de.ikz.ledger.command.ReferenceCase.UNREGISTERED;
import static de.ikz.ledger.command.ReferenceCase.registered;
import static de.ikz.ledger.command.Refusals.violates;

import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.api.partner.PartnerKind;
import de.ikz.ledger.api.partner.PartnerRegistered;
import de.ikz.ledger.api.partner.PartnerRenamed;
import de.ikz.ledger.api.partner.RegisterPartner;
import de.ikz.ledger.api.partner.RenamePartner;
import de.ikz.ledger.command.ReferenceCase;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PartnerTest {

    private FixtureConfiguration<Partner> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Partner.class);
        fixture.registerInjectableResource(ReferenceCase.directory());
    }

    @Nested
    class Registering {

        @Test
        void aMunicipalityIsRegisteredWithItsOfficialKey() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterPartner(
                            "voelklingen", "Stadt Völklingen", PartnerKind.MUNICIPALITY, "100410519519", null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new PartnerRegistered(
                            "voelklingen", "Stadt Völklingen", PartnerKind.MUNICIPALITY, "100410519519", null));
        }

        @Test
        void anOperatingUnitIsRegisteredUnderItsBody() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterPartner(
                            "iks-2", "IKS Rechenzentrum", PartnerKind.OPERATING_UNIT, null, SAARBRUECKEN))
                    .expectEvents(new PartnerRegistered(
                            "iks-2", "IKS Rechenzentrum", PartnerKind.OPERATING_UNIT, null, SAARBRUECKEN));
        }

        @Test
        void anOperatingUnitWithoutParentIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterPartner("iks-2", "IKS Rechenzentrum", PartnerKind.OPERATING_UNIT, null, null))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.INVALID_REQUEST));
        }

        @Test
        void aBodyWithParentIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterPartner(
                            "voelklingen", "Stadt Völklingen", PartnerKind.MUNICIPALITY, null, SAARBRUECKEN))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.INVALID_REQUEST));
        }

        @Test
        void anOperatingUnitOfAnOperatingUnitIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterPartner("iks-rz", "IKS Rechenzentrum", PartnerKind.OPERATING_UNIT, null, IKS))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.PARENT_MUST_NOT_BE_OPERATING_UNIT));
        }

        @Test
        void anOperatingUnitOfAnUnregisteredBodyIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterPartner(
                            "kommunale-it", "Kommunale IT", PartnerKind.OPERATING_UNIT, null, UNREGISTERED))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.UNKNOWN_PARTNER));
        }

        /**
         * Rule 8: the event store refuses a second stream under the same id (the command API answers
         * {@code PARTNER_ALREADY_EXISTS}); nothing is overwritten.
         */
        @Test
        void registeringAnIdThatExistsIsAConflictNotAnOverwrite() {
            fixture.given(registered(HOMBURG))
                    .when(new RegisterPartner(HOMBURG, "Homburg (Saar)", PartnerKind.MUNICIPALITY, null, null))
                    .expectNoEvents()
                    .expectException(EventStoreException.class);
        }
    }

    @Nested
    class Renaming {

        @Test
        void aPartnerGetsANewName() {
            fixture.given(registered(HOMBURG))
                    .when(new RenamePartner(HOMBURG, "Kreis- und Universitätsstadt Homburg"))
                    .expectEvents(new PartnerRenamed(HOMBURG, "Kreis- und Universitätsstadt Homburg"));
        }

        @Test
        void aRenamedPartnerCanBeRenamedAgain() {
            fixture.given(registered(HOMBURG), new PartnerRenamed(HOMBURG, "Homburg"))
                    .when(new RenamePartner(HOMBURG, "Kreisstadt Homburg"))
                    .expectEvents(new PartnerRenamed(HOMBURG, "Kreisstadt Homburg"));
        }

        @Test
        void renamingToTheCurrentNameIsRefused() {
            fixture.given(registered(HOMBURG))
                    .when(new RenamePartner(HOMBURG, registered(HOMBURG).name()))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.NAME_UNCHANGED));
        }

        @Test
        void renamingToTheNameOfTheLastRenameIsRefused() {
            fixture.given(registered(HOMBURG), new PartnerRenamed(HOMBURG, "Homburg"))
                    .when(new RenamePartner(HOMBURG, "Homburg"))
                    .expectNoEvents()
                    .expectException(violates(ErrorCode.NAME_UNCHANGED));
        }

        @Test
        void renamingAnUnknownPartnerFindsNoPartner() {
            fixture.givenNoPriorActivity()
                    .when(new RenamePartner(UNREGISTERED, "Stadt St. Ingbert"))
                    .expectNoEvents()
                    .expectException(AggregateNotFoundException.class);
        }
    }
}
