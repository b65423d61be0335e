package de.ikz.ledger.query.support;

import de.ikz.ledger.api.agreement.AgreementConcluded;
import de.ikz.ledger.api.agreement.AgreementDrafted;
import de.ikz.ledger.api.agreement.AgreementSigned;
import de.ikz.ledger.api.agreement.CostEntryRecorded;
import de.ikz.ledger.api.agreement.CostKind;
import de.ikz.ledger.api.agreement.DelegationStarted;
import de.ikz.ledger.api.agreement.ServiceDelegated;
import de.ikz.ledger.api.partner.PartnerKind;
import de.ikz.ledger.api.partner.PartnerRegistered;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The cooperation of the city of Saarbrücken and the Saarpfalz-Kreis, signed on 22 May 2014: IKS
 * (an operating unit of the city) runs the housing-benefit system for the district since 2013 and
 * its data store since February 2014, the city's telephone service centre answers 115 for the
 * district since March 2013, and a joint backup is planned. Its 2014 entries save the district
 * 9500.00 and the city 5500.00, 15000.00 together.
 *
 * <p>A suffix makes the ids unique, so that several copies can live in one store.
 */
public final class ReferenceCase {

    public static final int FISCAL_YEAR = 2014;
    public static final LocalDate SIGNED_ON = LocalDate.of(2014, 5, 22);

    public final String saarbruecken;
    public final String iks;
    public final String tsc;
    public final String kreis;
    public final String agreement;
    public final String wohngeld = "wohngeld";
    public final String behoerdennummer = "behoerdennummer-115";
    public final String datenspeicher = "datenspeicher";
    public final String datensicherung = "datensicherung";

    public ReferenceCase(String suffix) {
        this.saarbruecken = "saarbruecken" + suffix;
        this.iks = "iks" + suffix;
        this.tsc = "tsc-saarbruecken" + suffix;
        this.kreis = "saarpfalz-kreis" + suffix;
        this.agreement = "it-kooperation-saarbruecken-saarpfalz" + suffix;
    }

    /** The reference case with the ids of the press release. */
    public static ReferenceCase plain() {
        return new ReferenceCase("");
    }

    public List<StreamEvent> partners() {
        return List.of(
                StreamEvent.of(new PartnerRegistered(
                        saarbruecken, "Landeshauptstadt Saarbrücken", PartnerKind.MUNICIPALITY, "100410100100", null)),
                StreamEvent.of(new PartnerRegistered(
                        iks,
                        "IKS Informations- und Kommunikationstechnologie-Service",
                        PartnerKind.OPERATING_UNIT,
                        null,
                        saarbruecken)),
                StreamEvent.of(new PartnerRegistered(
                        tsc, "Telefonservicecenter Saarbrücken", PartnerKind.OPERATING_UNIT, null, saarbruecken)),
                StreamEvent.of(
                        new PartnerRegistered(kreis, "Saarpfalz-Kreis", PartnerKind.DISTRICT, "100450000000", null)));
    }

    public List<StreamEvent> agreement() {
        List<StreamEvent> events = new ArrayList<>();
        events.add(StreamEvent.of(new AgreementDrafted(
                agreement,
                "IT-Kooperation Landeshauptstadt Saarbrücken und Saarpfalz-Kreis",
                "Gemeinsame Erbringung von IT-Dienstleistungen",
                List.of(saarbruecken, kreis),
                SIGNED_ON,
                null)));
        events.add(StreamEvent.of(
                new AgreementSigned(agreement, saarbruecken, "Charlotte Britz", "Oberbürgermeisterin", SIGNED_ON)));
        events.add(StreamEvent.of(new AgreementSigned(agreement, kreis, "Clemens Lindemann", "Landrat", SIGNED_ON)));
        events.add(StreamEvent.of(new AgreementConcluded(agreement, SIGNED_ON)));
        events.add(delegated(wohngeld, "Wohngeld-Berechnung und -Auszahlung", iks));
        events.add(started(wohngeld, LocalDate.of(2013, 1, 1)));
        events.add(delegated(behoerdennummer, "Behördennummer 115", tsc));
        events.add(started(behoerdennummer, LocalDate.of(2013, 3, 1)));
        events.add(delegated(datenspeicher, "Datenspeicher im Rechenzentrum des Kreises", iks));
        events.add(started(datenspeicher, LocalDate.of(2014, 2, 1)));
        events.add(delegated(datensicherung, "Gemeinsame Datensicherung", iks));
        events.addAll(entries(wohngeld, "18000.00", "12500.00", "9000.00", "12500.00"));
        events.addAll(entries(behoerdennummer, "14000.00", "11000.00", "10000.00", "11000.00"));
        events.addAll(entries(datenspeicher, "7000.00", "6000.00", "5000.00", "6000.00"));
        return events;
    }

    public List<StreamEvent> all() {
        List<StreamEvent> all = new ArrayList<>(partners());
        all.addAll(agreement());
        return all;
    }

    /** The id of the reference entry of a partner's kind of cost on a delegation. */
    public String entryId(String delegation, String partner, CostKind kind) {
        return delegation + "-" + partner + "-" + kind.name().toLowerCase();
    }

    /** A cost entry in the reference year. */
    public StreamEvent entry(String entryId, String delegation, String partner, CostKind kind, String amount) {
        return StreamEvent.of(new CostEntryRecorded(
                agreement, delegation, entryId, partner, FISCAL_YEAR, kind, new BigDecimal(amount), null));
    }

    private StreamEvent entry(String delegation, String partner, CostKind kind, String amount) {
        return entry(entryId(delegation, partner, kind), delegation, partner, kind, amount);
    }

    private StreamEvent delegated(String delegation, String name, String provider) {
        return StreamEvent.of(new ServiceDelegated(
                agreement, delegation, delegation, name, null, provider, saarbruecken, List.of(kreis)));
    }

    private StreamEvent started(String delegation, LocalDate on) {
        return StreamEvent.of(new DelegationStarted(agreement, delegation, on));
    }

    /** The district's baseline and actual cost, the city's actual cost and its revenue (the district's fee). */
    private List<StreamEvent> entries(
            String delegation, String kreisBaseline, String kreisActual, String cityActual, String cityRevenue) {
        return List.of(
                entry(delegation, kreis, CostKind.BASELINE, kreisBaseline),
                entry(delegation, kreis, CostKind.ACTUAL, kreisActual),
                entry(delegation, saarbruecken, CostKind.ACTUAL, cityActual),
                entry(delegation, saarbruecken, CostKind.REVENUE, cityRevenue));
    }
}
