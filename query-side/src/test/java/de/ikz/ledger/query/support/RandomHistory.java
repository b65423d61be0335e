package de.ikz.ledger.query.support;

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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random but valid histories: parties with operating units, agreements that are signed and
 * concluded, delegations from a party or one of its units to other parties that start, pause,
 * resume and end, cost entries by the provider's party or a consumer within the running years, some
 * reversed, some agreements terminated (running delegations ending with them, as the command side
 * does). Ids carry a prefix, so that histories do not meet.
 */
public final class RandomHistory {

    private static final CostKind[] KINDS = CostKind.values();

    private final Random random;
    private final String prefix;
    private final List<StreamEvent> events = new ArrayList<>();
    private final List<String> parties = new ArrayList<>();
    private final Map<String, List<String>> unitsOf = new LinkedHashMap<>();

    private RandomHistory(Random random, String prefix) {
        this.random = random;
        this.prefix = prefix;
    }

    /** The events of a random history, partners first, agreements interleaved. */
    public static List<StreamEvent> generate(Random random, String prefix) {
        return new RandomHistory(random, prefix).build();
    }

    private List<StreamEvent> build() {
        int partyCount = 2 + random.nextInt(3);
        for (int p = 0; p < partyCount; p++) {
            String party = prefix + "party-" + p;
            parties.add(party);
            events.add(
                    StreamEvent.of(new PartnerRegistered(party, "Party " + p, PartnerKind.MUNICIPALITY, null, null)));
            List<String> units = new ArrayList<>();
            for (int u = 0, n = random.nextInt(3); u < n; u++) {
                String unit = party + "-unit-" + u;
                units.add(unit);
                events.add(StreamEvent.of(new PartnerRegistered(
                        unit, "Unit " + u + " of " + p, PartnerKind.OPERATING_UNIT, null, party)));
            }
            unitsOf.put(party, units);
        }
        List<List<StreamEvent>> agreements = new ArrayList<>();
        for (int a = 0, n = 1 + random.nextInt(3); a < n; a++) {
            agreements.add(agreement(prefix + "agreement-" + a));
        }
        interleave(agreements);
        return events;
    }

    private void interleave(List<List<StreamEvent>> streams) {
        List<Integer> cursors = new ArrayList<>(Collections.nCopies(streams.size(), 0));
        int remaining = streams.stream().mapToInt(List::size).sum();
        while (remaining > 0) {
            int s = random.nextInt(streams.size());
            if (cursors.get(s) < streams.get(s).size()) {
                events.add(streams.get(s).get(cursors.get(s)));
                cursors.set(s, cursors.get(s) + 1);
                remaining--;
            }
        }
    }

    private List<StreamEvent> agreement(String id) {
        List<StreamEvent> stream = new ArrayList<>();
        List<String> members = new ArrayList<>(parties);
        Collections.shuffle(members, random);
        List<String> drafted = new ArrayList<>(members.subList(0, 2));
        LocalDate validFrom = LocalDate.of(2012 + random.nextInt(3), 1 + random.nextInt(12), 1);
        stream.add(StreamEvent.of(new AgreementDrafted(id, "Agreement " + id, "Subject", drafted, validFrom, null)));
        List<String> agreementParties = new ArrayList<>(drafted);
        for (String more : members.subList(2, members.size())) {
            if (random.nextBoolean()) {
                stream.add(StreamEvent.of(new PartyAdmitted(id, more)));
                agreementParties.add(more);
            }
        }
        for (String party : agreementParties) {
            stream.add(StreamEvent.of(new AgreementSigned(id, party, "Signatory of " + party, "Mayor", validFrom)));
        }
        stream.add(StreamEvent.of(new AgreementConcluded(id, validFrom)));

        List<Delegation> delegations = new ArrayList<>();
        for (int d = 0, n = 1 + random.nextInt(4); d < n; d++) {
            delegations.add(delegation(id, "delegation-" + d, agreementParties, stream));
        }
        for (int e = 0, n = random.nextInt(16); e < n; e++) {
            Delegation delegation = delegations.get(random.nextInt(delegations.size()));
            if (delegation.startYear == 0) {
                continue;
            }
            List<String> bookers = new ArrayList<>(delegation.consumers);
            bookers.add(delegation.providerParty);
            String partner = bookers.get(random.nextInt(bookers.size()));
            int year = delegation.startYear + random.nextInt(delegation.lastYear - delegation.startYear + 1);
            CostKind kind = KINDS[random.nextInt(KINDS.length)];
            BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(5_000_000), 2);
            String entryId = id + "-entry-" + e;
            stream.add(StreamEvent.of(
                    new CostEntryRecorded(id, delegation.id, entryId, partner, year, kind, amount, "entry " + e)));
            if (random.nextInt(4) == 0) {
                stream.add(StreamEvent.of(new CostEntryReversed(
                        id, delegation.id, entryId, partner, year, kind, amount, "wrong amount")));
            }
        }
        if (random.nextInt(4) == 0) {
            LocalDate end = LocalDate.of(2019, 12, 31);
            stream.add(StreamEvent.of(new AgreementTerminated(id, end, "ended by notice")));
            for (Delegation delegation : delegations) {
                if (delegation.running) {
                    stream.add(StreamEvent.of(new DelegationEnded(id, delegation.id, end, "agreement terminated")));
                }
            }
        }
        return stream;
    }

    private Delegation delegation(
            String agreementId, String id, List<String> agreementParties, List<StreamEvent> stream) {
        String providerParty = agreementParties.get(random.nextInt(agreementParties.size()));
        List<String> units = unitsOf.get(providerParty);
        String provider =
                units.isEmpty() || random.nextBoolean() ? providerParty : units.get(random.nextInt(units.size()));
        List<String> others = new ArrayList<>(agreementParties);
        others.remove(providerParty);
        Collections.shuffle(others, random);
        List<String> consumers = List.copyOf(others.subList(0, 1 + random.nextInt(others.size())));
        String leikaKey = random.nextBoolean() ? null : String.format("%014d", random.nextInt(1_000_000));
        stream.add(StreamEvent.of(new ServiceDelegated(
                agreementId, id, "service-" + id, "Service " + id, leikaKey, provider, providerParty, consumers)));
        Delegation delegation = new Delegation(id, providerParty, consumers);
        if (random.nextInt(5) == 0) {
            return delegation;
        }
        delegation.startYear = 2012 + random.nextInt(4);
        delegation.lastYear = delegation.startYear + random.nextInt(3);
        delegation.running = true;
        stream.add(StreamEvent.of(
                new DelegationStarted(agreementId, id, LocalDate.of(delegation.startYear, 1 + random.nextInt(12), 1))));
        if (random.nextInt(3) == 0) {
            stream.add(StreamEvent.of(
                    new DelegationSuspended(agreementId, id, LocalDate.of(delegation.lastYear, 6, 1), "paused")));
            if (random.nextBoolean()) {
                stream.add(StreamEvent.of(
                        new DelegationResumed(agreementId, id, LocalDate.of(delegation.lastYear, 7, 1), "resumed")));
            }
        }
        if (random.nextInt(3) == 0) {
            stream.add(StreamEvent.of(
                    new DelegationEnded(agreementId, id, LocalDate.of(delegation.lastYear, 12, 31), "done")));
            delegation.running = false;
        }
        return delegation;
    }

    private static final class Delegation {
        final String id;
        final String providerParty;
        final List<String> consumers;
        int startYear;
        int lastYear;
        boolean running;

        Delegation(String id, String providerParty, List<String> consumers) {
            this.id = id;
            this.providerParty = providerParty;
            this.consumers = consumers;
        }
    }
}
