package de.ikz.ledger.query.partner;

import static org.assertj.core.api.Assertions.assertThat;

import de.ikz.ledger.api.partner.PartnerKind;
import de.ikz.ledger.api.partner.PartnerRegistered;
import de.ikz.ledger.api.partner.PartnerRenamed;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PartnerViewTest {

    private static final Instant REGISTERED = Instant.parse("2014-05-20T08:00:00Z");
    private static final Instant RENAMED = Instant.parse("2015-01-01T09:00:00Z");

    @Test
    void aRegisteredPartnerKeepsWhenItWasRecorded() {
        PartnerView iks = PartnerView.fold(
                null,
                new PartnerRegistered("iks", "IKS", PartnerKind.OPERATING_UNIT, null, "saarbruecken"),
                REGISTERED);

        assertThat(iks)
                .isEqualTo(new PartnerView("iks", "IKS", PartnerKind.OPERATING_UNIT, null, "saarbruecken", REGISTERED));
    }

    @Test
    void aRenameChangesTheNameOnly() {
        PartnerView city = PartnerView.registered(
                new PartnerRegistered("saarbruecken", "Saarbrücken", PartnerKind.MUNICIPALITY, "100410100100", null),
                REGISTERED);

        PartnerView renamed =
                PartnerView.fold(city, new PartnerRenamed("saarbruecken", "Landeshauptstadt Saarbrücken"), RENAMED);

        assertThat(renamed.name()).isEqualTo("Landeshauptstadt Saarbrücken");
        assertThat(renamed.registeredAt()).isEqualTo(REGISTERED);
        assertThat(renamed.officialKey()).isEqualTo("100410100100");
    }

    @Test
    void aRenameBeforeTheRegistrationMakesNoPartner() {
        assertThat(PartnerView.fold(null, new PartnerRenamed("nobody", "Nobody"), RENAMED))
                .isNull();
    }
}
