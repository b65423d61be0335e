package de.ikz.ledger.command;

import de.ikz.ledger.api.agreement.AgreementConcluded;
import de.ikz.ledger.api.agreement.AgreementDrafted;
import de.ikz.ledger.api.agreement.AgreementSigned;
import de.ikz.ledger.api.agreement.AgreementTerminated;
import de.ikz.ledger.api.agreement.CostEntryRecorded;
import de.ikz.ledger.api.agreement.CostEntryReversed;
import de.ikz.ledger.api.agreement.CostKind;
import de.ikz.ledger.api.agreement.DelegationEnded;
import de.ikz.ledger.api.agreement.DelegationResumed;
import de.ikz.ledger.api.agreement.DelegationStarted;
import de.ikz.ledger.api.agreement.DelegationSuspended;
import de.ikz.ledger.api.agreement.PartyAdmitted;
import de.ikz.ledger.api.agreement.ServiceDelegated;
import de.ikz.ledger.api.partner.PartnerKind;
import de.ikz.ledger.api.partner.PartnerRegistered;
import de.ikz.ledger.command.domain.PartnerDirectory;
import de.ikz.ledger.command.domain.PartnerDirectory.PartnerRef;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference case of the ledger: the IT cooperation between the city of Saarbrücken and the
 * Saarpfalz-Kreis, signed in May 2014. Partners, dates and reusable given events for aggregate tests.
 */
public final class ReferenceCase {

    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Berlin");

    // ---- partners ----------------------------------------------------------------------------

    public static final String SAARBRUECKEN = "saarbruecken";
    public static final String IKS = "iks";
    public static final String TSC = "tsc-saarbruecken";
    public static final String SAARPFALZ = "saarpfalz-kreis";
    public static final String HOMBURG = "homburg";
    /** An operating unit of Homburg, which is not a party of the reference agreement. */
    public static final String HOMBURG_IT = "homburg-it";
    /** An id nobody registered. */
    public static final String UNREGISTERED = "st-ingbert";

    private static final Map<String, PartnerRegistered> PARTNERS = partners(
            new PartnerRegistered(
                    SAARBRUECKEN, "Landeshauptstadt Saarbrücken", PartnerKind.MUNICIPALITY, "100410100100", null),
            new PartnerRegistered(
                    IKS,
                    "IKS Informations- und Kommunikationsinstitut der Landeshauptstadt Saarbrücken",
                    PartnerKind.OPERATING_UNIT,
                    null,
                    SAARBRUECKEN),
            new PartnerRegistered(
                    TSC, "Telefon-Service-Center Saarbrücken", PartnerKind.OPERATING_UNIT, null, SAARBRUECKEN),
            new PartnerRegistered(SAARPFALZ, "Saarpfalz-Kreis", PartnerKind.DISTRICT, "100450000000", null),
            new PartnerRegistered(HOMBURG, "Kreisstadt Homburg", PartnerKind.MUNICIPALITY, "100450114114", null),
            new PartnerRegistered(
                    HOMBURG_IT, "IT-Service der Kreisstadt Homburg", PartnerKind.OPERATING_UNIT, null, HOMBURG));

    // ---- the agreement -----------------------------------------------------------------------

    public static final String AGREEMENT = "it-kooperation-2014";
    public static final String TITLE = "Kooperationsvereinbarung zur Zusammenarbeit im IT-Bereich";
    public static final String SUBJECT = "Doppelarbeiten über Verwaltungsgrenzen hinweg vermeiden und Kosten senken";
    public static final LocalDate VALID_FROM = LocalDate.of(2014, 6, 1);
    public static final LocalDate BRITZ_SIGNED_ON = LocalDate.of(2014, 5, 19);
    public static final LocalDate LINDEMANN_SIGNED_ON = LocalDate.of(2014, 5, 21);

    /** "Today" for every aggregate test: the day the cooperation was announced. */
    public static final LocalDate TODAY = LocalDate.of(2014, 5, 22);

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2014-05-22T10:00:00Z"), BUSINESS_ZONE);

    // ---- delegations -------------------------------------------------------------------------

    /** IKS computes and pays out housing benefit for the district. */
    public static final String WOHNGELD = "wohngeld";

    public static final LocalDate WOHNGELD_STARTED = LocalDate.of(2012, 1, 1);
    /** The city's telephone service centre answers the authority number 115 for the district. */
    public static final String BEHOERDENNUMMER = "behoerdennummer-115";

    public static final LocalDate BEHOERDENNUMMER_STARTED = LocalDate.of(2013, 3, 1);
    /** IKS runs a data store in the district's data centre. */
    public static final String DATENSPEICHER = "datenspeicher";

    public static final LocalDate DATENSPEICHER_STARTED = LocalDate.of(2014, 2, 1);
    /** The joint backup process, planned next. */
    public static final String DATENSICHERUNG = "datensicherung";

    public static final LocalDate BEHOERDENNUMMER_SUSPENDED = LocalDate.of(2016, 9, 1);
    public static final LocalDate DATENSPEICHER_ENDED = LocalDate.of(2016, 6, 30);

    // ---- cost entries ------------------------------------------------------------------------

    public static final String WOHNGELD_BASELINE_2014 = "spk-2014-wohngeld-baseline";
    public static final String WOHNGELD_ACTUAL_2014 = "spk-2014-wohngeld-actual";
    /** Booked by mistake and reversed in the running cooperation. */
    public static final String WOHNGELD_REVENUE_2014 = "sb-2014-wohngeld-revenue";

    private ReferenceCase() {}

    // ---- partner directory and registrations -------------------------------------------------

    /** A partner directory that knows the reference partners. */
    public static PartnerDirectory directory() {
        return new InMemoryPartnerDirectory(PARTNERS.values());
    }

    /** How the reference partner with this id was registered. */
    public static PartnerRegistered registered(String partnerId) {
        PartnerRegistered registered = PARTNERS.get(partnerId);
        if (registered == null) {
            throw new IllegalArgumentException("Not a reference partner: " + partnerId);
        }
        return registered;
    }

    // ---- agreement history -------------------------------------------------------------------

    public static AgreementDrafted drafted() {
        return new AgreementDrafted(AGREEMENT, TITLE, SUBJECT, List.of(SAARBRUECKEN, SAARPFALZ), VALID_FROM, null);
    }

    public static AgreementSigned signedBySaarbruecken() {
        return new AgreementSigned(AGREEMENT, SAARBRUECKEN, "Charlotte Britz", "Oberbürgermeisterin", BRITZ_SIGNED_ON);
    }

    public static AgreementSigned signedBySaarpfalz() {
        return new AgreementSigned(AGREEMENT, SAARPFALZ, "Clemens Lindemann", "Landrat", LINDEMANN_SIGNED_ON);
    }

    public static AgreementConcluded concluded() {
        return new AgreementConcluded(AGREEMENT, LINDEMANN_SIGNED_ON);
    }

    /** Drafted, signed by both parties, in force. */
    public static List<Object> inForce() {
        return List.of(drafted(), signedBySaarbruecken(), signedBySaarpfalz(), concluded());
    }

    public static PartyAdmitted homburgAdmitted() {
        return new PartyAdmitted(AGREEMENT, HOMBURG);
    }

    public static AgreementSigned signedByHomburg() {
        return new AgreementSigned(AGREEMENT, HOMBURG, "Martina Keller", "Bürgermeisterin", TODAY);
    }

    public static AgreementTerminated terminated(LocalDate effectiveOn) {
        return new AgreementTerminated(AGREEMENT, effectiveOn, "Aufgaben neu geordnet");
    }

    public static ServiceDelegated wohngeldDelegated() {
        return new ServiceDelegated(
                AGREEMENT,
                WOHNGELD,
                "wohngeld",
                "Berechnung und Auszahlung des Wohngeldes",
                null,
                IKS,
                SAARBRUECKEN,
                List.of(SAARPFALZ));
    }

    public static ServiceDelegated behoerdennummerDelegated() {
        return new ServiceDelegated(
                AGREEMENT,
                BEHOERDENNUMMER,
                "behoerdennummer-115",
                "Behördenrufnummer 115",
                null,
                TSC,
                SAARBRUECKEN,
                List.of(SAARPFALZ));
    }

    public static ServiceDelegated datenspeicherDelegated() {
        return new ServiceDelegated(
                AGREEMENT,
                DATENSPEICHER,
                "datenspeicher",
                "Betrieb eines Datenspeichers im Rechenzentrum des Saarpfalz-Kreises",
                null,
                IKS,
                SAARBRUECKEN,
                List.of(SAARPFALZ));
    }

    public static ServiceDelegated datensicherungDelegated() {
        return new ServiceDelegated(
                AGREEMENT,
                DATENSICHERUNG,
                "datensicherung",
                "Gemeinsamer Prozess zur Datensicherung",
                null,
                IKS,
                SAARBRUECKEN,
                List.of(SAARPFALZ));
    }

    /**
     * The cooperation some years on: in force; housing benefit ACTIVE, the 115 service SUSPENDED,
     * the data store ENDED, the joint backup PLANNED; three cost entries, one of them reversed.
     */
    public static List<Object> runningCooperation() {
        CostEntryRecorded revenue =
                recorded(WOHNGELD_REVENUE_2014, WOHNGELD, SAARBRUECKEN, 2014, CostKind.REVENUE, "9000.00");
        return history(
                inForce(),
                wohngeldActive(),
                behoerdennummerDelegated(),
                started(BEHOERDENNUMMER, BEHOERDENNUMMER_STARTED),
                suspended(BEHOERDENNUMMER, BEHOERDENNUMMER_SUSPENDED),
                datenspeicherDelegated(),
                started(DATENSPEICHER, DATENSPEICHER_STARTED),
                ended(DATENSPEICHER, DATENSPEICHER_ENDED),
                datensicherungDelegated(),
                recorded(WOHNGELD_BASELINE_2014, WOHNGELD, SAARPFALZ, 2014, CostKind.BASELINE, "40000.00"),
                recorded(WOHNGELD_ACTUAL_2014, WOHNGELD, SAARPFALZ, 2014, CostKind.ACTUAL, "25000.00"),
                revenue,
                reversed(revenue, "Einnahme doppelt gebucht"));
    }

    /** Housing benefit, delegated and running since 2012. */
    public static List<Object> wohngeldActive() {
        return List.of(wohngeldDelegated(), started(WOHNGELD, WOHNGELD_STARTED));
    }

    public static DelegationStarted started(String delegationId, LocalDate on) {
        return new DelegationStarted(AGREEMENT, delegationId, on);
    }

    public static DelegationSuspended suspended(String delegationId, LocalDate on) {
        return new DelegationSuspended(AGREEMENT, delegationId, on, "Umstellung der Telefonanlage");
    }

    public static DelegationResumed resumed(String delegationId, LocalDate on) {
        return new DelegationResumed(AGREEMENT, delegationId, on, "Telefonanlage umgestellt");
    }

    public static DelegationEnded ended(String delegationId, LocalDate on) {
        return new DelegationEnded(AGREEMENT, delegationId, on, "Leistung eingestellt");
    }

    public static CostEntryRecorded recorded(
            String entryId, String delegationId, String partnerId, int fiscalYear, CostKind kind, String amount) {
        return new CostEntryRecorded(
                AGREEMENT, delegationId, entryId, partnerId, fiscalYear, kind, new BigDecimal(amount), null);
    }

    public static CostEntryReversed reversed(CostEntryRecorded entry, String reason) {
        return new CostEntryReversed(
                entry.agreementId(),
                entry.delegationId(),
                entry.entryId(),
                entry.partnerId(),
                entry.fiscalYear(),
                entry.kind(),
                entry.amount(),
                reason);
    }

    /** Flattens events and lists of events into one history, in order. */
    public static List<Object> history(Object... eventsOrLists) {
        List<Object> history = new ArrayList<>();
        for (Object item : eventsOrLists) {
            if (item instanceof Collection<?> events) {
                history.addAll(events);
            } else {
                history.add(item);
            }
        }
        return history;
    }

    private static Map<String, PartnerRegistered> partners(PartnerRegistered... registrations) {
        Map<String, PartnerRegistered> partners = new LinkedHashMap<>();
        for (PartnerRegistered registration : registrations) {
            partners.put(registration.partnerId(), registration);
        }
        return Map.copyOf(partners);
    }

    /** The partner directory port, answered from a map. */
    public static final class InMemoryPartnerDirectory implements PartnerDirectory {

        private final Map<String, PartnerRef> partners = new LinkedHashMap<>();

        public InMemoryPartnerDirectory(Collection<PartnerRegistered> registrations) {
            registrations.forEach(
                    r -> partners.put(r.partnerId(), new PartnerRef(r.partnerId(), r.kind(), r.parentId())));
        }

        @Override
        public Optional<PartnerRef> find(String partnerId) {
            return Optional.ofNullable(partnerId).map(partners::get);
        }
    }
}
