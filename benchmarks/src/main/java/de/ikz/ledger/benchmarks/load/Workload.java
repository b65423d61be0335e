package de.ikz.ledger.benchmarks.load;

import de.ikz.ledger.api.agreement.AmendAgreement;
import de.ikz.ledger.api.agreement.CostKind;
import de.ikz.ledger.api.agreement.DelegateService;
import de.ikz.ledger.api.agreement.DraftAgreement;
import de.ikz.ledger.api.agreement.RecordCostEntry;
import de.ikz.ledger.api.agreement.ResumeDelegation;
import de.ikz.ledger.api.agreement.ReverseCostEntry;
import de.ikz.ledger.api.agreement.SignAgreement;
import de.ikz.ledger.api.agreement.StartDelegation;
import de.ikz.ledger.api.agreement.SuspendDelegation;
import de.ikz.ledger.api.agreement.TerminateAgreement;
import de.ikz.ledger.api.partner.PartnerKind;
import de.ikz.ledger.api.partner.RegisterPartner;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Realistic cooperations, generated from a seed with client-chosen ids: municipalities, districts,
 * associations and states (some with an IT operating unit) sign agreements of two or three
 * parties, delegate one to four services, start them (some before the signature), and book
 * baseline, actual and revenue entries per party and fiscal year. Some agreements are amended,
 * have an entry reversed and booked again, a delegation suspended and resumed, or are terminated.
 * A partner takes part in about eight agreements, however large the store grows.
 */
public final class Workload {

    /** Bodies registered per agreement generated, so that a partner has about eight agreements. */
    static final double BODIES_PER_AGREEMENT = 0.28;

    static final LocalDate LAST_BUSINESS_DAY = LocalDate.of(2025, 12, 31);
    static final int LAST_FISCAL_YEAR = 2025;

    /** One command and the number of events it records. */
    public record Step(Object command, int events) {}

    /** Commands that must run in order (one aggregate, or a body before its operating unit). */
    public record Plan(String id, List<Step> steps) {
        public int events() {
            return steps.stream().mapToInt(Step::events).sum();
        }

        public int commands() {
            return steps.size();
        }
    }

    private record Service(String code, String name, String leikaKey) {}

    private static final List<Service> SERVICES = List.of(
            new Service("wohngeld", "Wohngeld: Berechnung und Auszahlung", "99107004000000"),
            new Service("behoerdennummer-115", "Behördenrufnummer 115", null),
            new Service("datenspeicher", "Betrieb eines Datenspeichers im Rechenzentrum", null),
            new Service("datensicherung", "Gemeinsame Datensicherung", null),
            new Service("kfz-zulassung", "Kfz-Zulassung", "99036002000000"),
            new Service("personalabrechnung", "Personalabrechnung", null),
            new Service("e-akte", "Elektronische Akte", null),
            new Service("geodaten", "Geodateninfrastruktur", null),
            new Service("schul-it", "IT-Betreuung der Schulen", null),
            new Service("finanzwesen", "Haushalts- und Kassenverfahren", null),
            new Service("meldewesen", "Einwohnermeldeverfahren", "99115001000000"),
            new Service("rechenzentrum", "Rechenzentrumsbetrieb", null),
            new Service("informationssicherheit", "Informationssicherheitsbeauftragte", null),
            new Service("beschaffung", "Gemeinsame Vergabestelle", null));

    private static final String[] TOWNS = {
        "Saarbrücken", "Homburg", "Neunkirchen", "St. Ingbert", "Merzig", "Völklingen", "Saarlouis", "Blieskastel",
        "Dillingen", "Sankt Wendel", "Zweibrücken", "Kaiserslautern", "Pirmasens", "Trier", "Mainz", "Speyer"
    };

    private final Random random;
    private final String prefix;
    private final List<String> bodies = new ArrayList<>();
    private final Map<String, String> unitOf = new HashMap<>();
    private int bodyCount;
    private int agreementCount;

    /**
     * @param prefix put before every id, so that several workloads can share a store
     */
    public Workload(long seed, String prefix) {
        this.random = new Random(seed);
        this.prefix = prefix;
    }

    /** The bodies registered so far (parties of agreements). */
    public List<String> bodies() {
        return List.copyOf(bodies);
    }

    /** Bodies to register before the next {@code agreements} agreements, one plan each (with its unit). */
    public List<Plan> partnersFor(int agreements) {
        int wanted = Math.max(12, (int) Math.ceil((agreementCount + agreements) * BODIES_PER_AGREEMENT));
        List<Plan> plans = new ArrayList<>();
        while (bodyCount < wanted) {
            plans.add(nextBody());
        }
        return plans;
    }

    /** Registers bodies now (their plans are meant to have run). */
    private Plan nextBody() {
        bodyCount++;
        String id = prefix + "p-" + String.format("%06d", bodyCount);
        String town = TOWNS[random.nextInt(TOWNS.length)];
        double roll = random.nextDouble();
        PartnerKind kind = roll < 0.72
                ? PartnerKind.MUNICIPALITY
                : roll < 0.87 ? PartnerKind.DISTRICT : roll < 0.96 ? PartnerKind.ASSOCIATION : PartnerKind.STATE;
        String name = switch (kind) {
            case MUNICIPALITY -> "Gemeinde " + town + " " + bodyCount;
            case DISTRICT -> "Landkreis " + town + " " + bodyCount;
            case ASSOCIATION -> "Zweckverband IT " + town + " " + bodyCount;
            default -> "Land " + bodyCount;
        };
        String officialKey =
                kind == PartnerKind.ASSOCIATION ? null : String.format("%012d", 100_000_000_000L + bodyCount);
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(new RegisterPartner(id, name, kind, officialKey, null), 1));
        if (random.nextDouble() < 0.2) {
            String unit = id + "-it";
            steps.add(new Step(
                    new RegisterPartner(unit, "IT-Dienstleister " + name, PartnerKind.OPERATING_UNIT, null, id), 1));
            unitOf.put(id, unit);
        }
        bodies.add(id);
        return new Plan(id, steps);
    }

    /** The next agreement between bodies registered so far. */
    public Plan nextAgreement() {
        agreementCount++;
        String id = prefix + "a-" + String.format("%06d", agreementCount);
        List<String> parties = pickParties(random.nextDouble() < 0.8 ? 2 : 3);
        LocalDate validFrom = LocalDate.of(2012, 1, 1).plusDays(random.nextInt(365 * 12));
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(
                new DraftAgreement(
                        id,
                        "Kooperationsvereinbarung " + agreementCount,
                        "Doppelarbeiten vermeiden, Kosten senken",
                        parties,
                        validFrom,
                        null),
                1));
        for (int i = 0; i < parties.size(); i++) {
            boolean last = i == parties.size() - 1;
            steps.add(new Step(
                    new SignAgreement(id, parties.get(i), "Unterzeichnende " + (i + 1), "Bürgermeisterin", validFrom),
                    last ? 2 : 1));
        }
        List<Running> running = new ArrayList<>();
        int delegationCount = 1 + random.nextInt(4);
        Set<String> usedCodes = new LinkedHashSet<>();
        for (int d = 0; d < delegationCount; d++) {
            Service service = SERVICES.get(random.nextInt(SERVICES.size()));
            if (!usedCodes.add(service.code())) {
                continue;
            }
            String providerParty = parties.get(random.nextInt(parties.size()));
            String provider = unitOf.containsKey(providerParty) && random.nextBoolean()
                    ? unitOf.get(providerParty)
                    : providerParty;
            List<String> consumers = new ArrayList<>(parties);
            consumers.remove(providerParty);
            if (consumers.size() > 1 && random.nextBoolean()) {
                consumers = List.of(consumers.get(0));
            }
            LocalDate startsOn = validFrom.minusDays(random.nextInt(400));
            boolean planned = random.nextDouble() < 0.15;
            steps.add(new Step(
                    new DelegateService(
                            id,
                            service.code(),
                            service.code(),
                            service.name(),
                            service.leikaKey(),
                            provider,
                            consumers,
                            planned ? null : startsOn),
                    planned ? 1 : 2));
            if (planned) {
                steps.add(new Step(new StartDelegation(id, service.code(), startsOn), 1));
            }
            int lastYear = Math.min(startsOn.getYear() + 1 + random.nextInt(5), LAST_FISCAL_YEAR);
            running.add(new Running(service.code(), providerParty, consumers, startsOn, lastYear));
        }
        List<RecordCostEntry> entries = new ArrayList<>();
        for (Running delegation : running) {
            for (int year = delegation.startsOn().getYear(); year <= delegation.lastYear(); year++) {
                for (String consumer : delegation.consumers()) {
                    entries.add(entry(id, delegation, entries.size(), consumer, year, CostKind.BASELINE, 20_000));
                    entries.add(entry(id, delegation, entries.size(), consumer, year, CostKind.ACTUAL, 12_000));
                }
                entries.add(entry(
                        id, delegation, entries.size(), delegation.providerParty(), year, CostKind.ACTUAL, 9_000));
                entries.add(entry(
                        id, delegation, entries.size(), delegation.providerParty(), year, CostKind.REVENUE, 12_000));
            }
        }
        entries.forEach(entry -> steps.add(new Step(entry, 1)));
        if (!entries.isEmpty() && random.nextDouble() < 0.1) {
            RecordCostEntry wrong = entries.get(random.nextInt(entries.size()));
            steps.add(new Step(new ReverseCostEntry(id, wrong.entryId(), "Falscher Betrag gebucht"), 1));
            steps.add(new Step(
                    new RecordCostEntry(
                            id,
                            wrong.delegationId(),
                            wrong.entryId() + "-korrektur",
                            wrong.partnerId(),
                            wrong.fiscalYear(),
                            wrong.kind(),
                            wrong.amount().add(BigDecimal.valueOf(125, 2)),
                            "Korrekturbuchung"),
                    1));
        }
        if (random.nextDouble() < 0.1) {
            steps.add(new Step(new AmendAgreement(id, null, null, validFrom.plusYears(10), "Laufzeit festgelegt"), 1));
        }
        if (random.nextDouble() < 0.05) {
            Running delegation = running.get(random.nextInt(running.size()));
            steps.add(new Step(
                    new SuspendDelegation(
                            id, delegation.id(), delegation.startsOn().plusDays(100), "Umstellung des Verfahrens"),
                    1));
            steps.add(new Step(
                    new ResumeDelegation(
                            id, delegation.id(), delegation.startsOn().plusDays(130), "Umstellung fertig"),
                    1));
        }
        if (random.nextDouble() < 0.04) {
            steps.add(new Step(
                    new TerminateAgreement(id, LAST_BUSINESS_DAY, "Aufgabe kommunalisiert"), 1 + running.size()));
        }
        return new Plan(id, steps);
    }

    /**
     * One long agreement between two associations, built to {@code events} events: twenty services
     * that are suspended and resumed for maintenance over and over, with a cost entry booked now and
     * then, so the stream grows long while its state stays small.
     *
     * @return its registration plans (run first) and the agreement
     */
    public LongAgreement longAgreement(long events) {
        String first = prefix + "zv-rechenzentrum-sued";
        String second = prefix + "zv-rechenzentrum-nord";
        List<Plan> partners = List.of(
                new Plan(
                        first,
                        List.of(new Step(
                                new RegisterPartner(
                                        first, "Zweckverband Rechenzentrum Süd", PartnerKind.ASSOCIATION, null, null),
                                1))),
                new Plan(
                        second,
                        List.of(new Step(
                                new RegisterPartner(
                                        second, "Zweckverband Rechenzentrum Nord", PartnerKind.ASSOCIATION, null, null),
                                1))));
        String id = prefix + "a-rechenzentrumsverbund";
        LocalDate validFrom = LocalDate.of(2015, 1, 1);
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(
                new DraftAgreement(
                        id,
                        "Rechenzentrumsverbund",
                        "Gemeinsamer Betrieb zweier Rechenzentren",
                        List.of(first, second),
                        validFrom,
                        null),
                1));
        steps.add(new Step(new SignAgreement(id, first, "Unterzeichnende 1", "Verbandsvorsteherin", validFrom), 1));
        steps.add(new Step(new SignAgreement(id, second, "Unterzeichnende 2", "Verbandsvorsteher", validFrom), 2));
        int services = 20;
        for (int d = 0; d < services; d++) {
            steps.add(new Step(
                    new DelegateService(
                            id,
                            "rz-dienst-" + d,
                            "rz-dienst-" + d,
                            "Rechenzentrumsdienst " + d,
                            null,
                            d % 2 == 0 ? first : second,
                            List.of(d % 2 == 0 ? second : first),
                            validFrom),
                    2));
        }
        long total = steps.stream().mapToInt(Step::events).sum();
        long cycle = 0;
        LocalDate on = validFrom;
        int entry = 0;
        while (total < events) {
            int d = (int) (cycle % services);
            if (cycle % 25 == 24 || events - total == 1) {
                int year = 2015 + (int) ((cycle / 25) % 11);
                steps.add(new Step(
                        new RecordCostEntry(
                                id,
                                "rz-dienst-" + d,
                                "e" + entry++,
                                d % 2 == 0 ? second : first,
                                year,
                                CostKind.ACTUAL,
                                BigDecimal.valueOf(150_000 + random.nextInt(100_000), 2),
                                null),
                        1));
                total++;
            } else {
                if (cycle % (services * 4L) == 0 && on.isBefore(LAST_BUSINESS_DAY)) {
                    on = on.plusDays(1);
                }
                steps.add(new Step(new SuspendDelegation(id, "rz-dienst-" + d, on, "Wartungsfenster"), 1));
                steps.add(new Step(new ResumeDelegation(id, "rz-dienst-" + d, on, "Wartung beendet"), 1));
                total += 2;
            }
            cycle++;
        }
        return new LongAgreement(partners, new Plan(id, steps), first, "rz-dienst-1", first);
    }

    /**
     * The long agreement.
     *
     * @param bookingDelegation a delegation on which {@code bookingParty} may book entries
     */
    public record LongAgreement(
            List<Plan> partners, Plan agreement, String bookingParty, String bookingDelegation, String party) {}

    /**
     * A small agreement of exactly ten events between two registered bodies: drafted, signed twice
     * and concluded (4), one service delegated and started (2), four cost entries of one year (4).
     *
     * @return the plan; entries may then be booked on delegation {@code d} for its first party
     */
    public Plan tenEventAgreement(String id) {
        List<String> parties = pickParties(2);
        LocalDate validFrom = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1000));
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(
                new DraftAgreement(id, "Kooperationsvereinbarung " + id, "Gemeinsame IT", parties, validFrom, null),
                1));
        steps.add(new Step(new SignAgreement(id, parties.get(0), "Unterzeichnende 1", "Landrätin", validFrom), 1));
        steps.add(new Step(new SignAgreement(id, parties.get(1), "Unterzeichnende 2", "Landrat", validFrom), 2));
        steps.add(new Step(
                new DelegateService(
                        id,
                        "d",
                        "e-akte",
                        "Elektronische Akte",
                        null,
                        parties.get(0),
                        List.of(parties.get(1)),
                        validFrom),
                2));
        int year = validFrom.getYear();
        steps.add(new Step(cost(id, "d", "e1", parties.get(1), year, CostKind.BASELINE, 20_000), 1));
        steps.add(new Step(cost(id, "d", "e2", parties.get(1), year, CostKind.ACTUAL, 12_000), 1));
        steps.add(new Step(cost(id, "d", "e3", parties.get(0), year, CostKind.ACTUAL, 9_000), 1));
        steps.add(new Step(cost(id, "d", "e4", parties.get(0), year, CostKind.REVENUE, 12_000), 1));
        return new Plan(id, steps);
    }

    /** A further booking on the ten-event agreement {@code id} (fiscal year 2023 lies in every one). */
    public RecordCostEntry extraEntry(Plan tenEventAgreement, String entryId) {
        DraftAgreement draft = (DraftAgreement) tenEventAgreement.steps().get(0).command();
        return cost(draft.agreementId(), "d", entryId, draft.partyIds().get(0), 2023, CostKind.ACTUAL, 1_000);
    }

    private RecordCostEntry entry(
            String agreementId, Running delegation, int n, String partnerId, int year, CostKind kind, int around) {
        return cost(agreementId, delegation.id(), "e" + n, partnerId, year, kind, around);
    }

    private RecordCostEntry cost(
            String agreementId,
            String delegationId,
            String entryId,
            String partnerId,
            int year,
            CostKind kind,
            int around) {
        long cents = (around / 2 + random.nextInt(around)) * 100L + random.nextInt(100);
        return new RecordCostEntry(
                agreementId, delegationId, entryId, partnerId, year, kind, BigDecimal.valueOf(cents, 2), null);
    }

    private List<String> pickParties(int count) {
        if (bodies.size() < count) {
            throw new IllegalStateException("Register bodies before agreements");
        }
        Set<String> parties = new LinkedHashSet<>();
        while (parties.size() < count) {
            parties.add(bodies.get(random.nextInt(bodies.size())));
        }
        return List.copyOf(parties);
    }

    private record Running(String id, String providerParty, List<String> consumers, LocalDate startsOn, int lastYear) {}
}
