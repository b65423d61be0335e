package de.ikz.ledger.api;

import de.ikz.ledger.api.agreement.AgreementAmended;
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
import de.ikz.ledger.api.partner.PartnerRenamed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One sample of every event of the published language, from the cooperation between Saarbrücken
 * and the Saarpfalz-Kreis. Each sample equals the golden file {@code golden/events/<SimpleName>.json}.
 */
final class PublishedLanguageSamples {

    static final String AGREEMENT = "it-kooperation-2014";

    private static final Map<Class<?>, Object> SAMPLES = samples(
            new PartnerRegistered(
                    "saarbruecken", "Landeshauptstadt Saarbrücken", PartnerKind.MUNICIPALITY, "100410100100", null),
            new PartnerRenamed("tsc-saarbruecken", "Telefon-Service-Center der Landeshauptstadt Saarbrücken"),
            new AgreementDrafted(
                    AGREEMENT,
                    "Kooperationsvereinbarung zur Zusammenarbeit im IT-Bereich",
                    "Doppelarbeiten über Verwaltungsgrenzen hinweg vermeiden und Kosten senken",
                    List.of("saarbruecken", "saarpfalz-kreis"),
                    LocalDate.of(2014, 6, 1),
                    LocalDate.of(2019, 12, 31)),
            new PartyAdmitted(AGREEMENT, "homburg"),
            new AgreementSigned(
                    AGREEMENT, "saarbruecken", "Charlotte Britz", "Oberbürgermeisterin", LocalDate.of(2014, 5, 19)),
            new AgreementConcluded(AGREEMENT, LocalDate.of(2014, 5, 21)),
            new AgreementAmended(
                    AGREEMENT,
                    null,
                    "Doppelarbeiten vermeiden, Kosten senken, gemeinsamer Prozess zur Datensicherung",
                    LocalDate.of(2024, 12, 31),
                    "Neukonzeption der Datensicherung aufgenommen"),
            new AgreementTerminated(AGREEMENT, LocalDate.of(2024, 12, 31), "Aufgaben in einen Zweckverband überführt"),
            new ServiceDelegated(
                    AGREEMENT,
                    "wohngeld",
                    "wohngeld",
                    "Berechnung und Auszahlung des Wohngeldes",
                    "99107004000000",
                    "iks",
                    "saarbruecken",
                    List.of("saarpfalz-kreis")),
            new DelegationStarted(AGREEMENT, "behoerdennummer-115", LocalDate.of(2013, 3, 1)),
            new DelegationSuspended(
                    AGREEMENT, "behoerdennummer-115", LocalDate.of(2016, 9, 1), "Umstellung der Telefonanlage"),
            new DelegationResumed(
                    AGREEMENT, "behoerdennummer-115", LocalDate.of(2016, 10, 1), "Telefonanlage umgestellt"),
            new DelegationEnded(
                    AGREEMENT,
                    "datenspeicher",
                    LocalDate.of(2016, 6, 30),
                    "Datenspeicher in das Rechenzentrum des IKS verlagert"),
            costEntryRecorded(),
            new CostEntryReversed(
                    AGREEMENT,
                    "wohngeld",
                    "spk-2014-wohngeld-savings",
                    "saarpfalz-kreis",
                    2014,
                    CostKind.BASELINE,
                    new BigDecimal("15000.00"),
                    "Betrag dem falschen Haushaltsjahr zugeordnet"));

    private PublishedLanguageSamples() {}

    /** The sample of this event type, if there is one. */
    static Optional<Object> sampleOf(Class<?> eventType) {
        return Optional.ofNullable(SAMPLES.get(eventType));
    }

    static CostEntryRecorded costEntryRecorded() {
        return new CostEntryRecorded(
                AGREEMENT,
                "wohngeld",
                "spk-2014-wohngeld-savings",
                "saarpfalz-kreis",
                2014,
                CostKind.BASELINE,
                new BigDecimal("15000.00"),
                "Eigenbetrieb des Wohngeldverfahrens entfällt");
    }

    private static Map<Class<?>, Object> samples(Object... events) {
        Map<Class<?>, Object> samples = new LinkedHashMap<>();
        for (Object event : events) {
            samples.put(event.getClass(), event);
        }
        return Map.copyOf(samples);
    }
}
