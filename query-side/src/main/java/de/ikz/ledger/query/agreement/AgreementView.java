package de.ikz.ledger.query.agreement;

import de.ikz.ledger.api.agreement.AgreementAmended;
import de.ikz.ledger.api.agreement.AgreementConcluded;
import de.ikz.ledger.api.agreement.AgreementDrafted;
import de.ikz.ledger.api.agreement.AgreementEvent;
import de.ikz.ledger.api.agreement.AgreementSigned;
import de.ikz.ledger.api.agreement.AgreementStatus;
import de.ikz.ledger.api.agreement.AgreementTerminated;
import de.ikz.ledger.api.agreement.CostEntryRecorded;
import de.ikz.ledger.api.agreement.CostEntryReversed;
import de.ikz.ledger.api.agreement.CostKind;
import de.ikz.ledger.api.agreement.DelegationEnded;
import de.ikz.ledger.api.agreement.DelegationResumed;
import de.ikz.ledger.api.agreement.DelegationStarted;
import de.ikz.ledger.api.agreement.DelegationStatus;
import de.ikz.ledger.api.agreement.DelegationSuspended;
import de.ikz.ledger.api.agreement.PartyAdmitted;
import de.ikz.ledger.api.agreement.ServiceDelegated;
import de.ikz.ledger.query.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * An agreement as its events tell it: a pure fold ({@code view + event -> view}) that knows no
 * storage, so the live view, a rebuild and a view as of a past instant all come from the same code.
 * Events that do not fit the view (an unknown delegation, a second draft) leave it unchanged.
 *
 * @param draftedAt when the draft was recorded
 * @param lastChangedAt when the latest applied event was recorded
 */
public record AgreementView(
        String id,
        String title,
        String subject,
        AgreementStatus status,
        LocalDate validFrom,
        LocalDate validUntil,
        LocalDate concludedOn,
        LocalDate terminatedOn,
        String terminationReason,
        Instant draftedAt,
        Instant lastChangedAt,
        List<Party> parties,
        List<Delegation> delegations,
        List<CostEntry> costEntries) {

    public AgreementView {
        parties = List.copyOf(parties);
        delegations = List.copyOf(delegations);
        costEntries = List.copyOf(costEntries);
    }

    /**
     * Folds one event into a view; {@code view} is {@code null} before the agreement was drafted,
     * and stays {@code null} for any other event.
     */
    public static AgreementView fold(AgreementView view, AgreementEvent event, Instant recordedAt) {
        if (view == null) {
            return event instanceof AgreementDrafted drafted ? drafted(drafted, recordedAt) : null;
        }
        return view.apply(event, recordedAt);
    }

    /** Folds a whole stream, in order, from nothing. */
    public static AgreementView replay(List<Recorded> events) {
        AgreementView view = null;
        for (Recorded recorded : events) {
            view = fold(view, recorded.event(), recorded.recordedAt());
        }
        return view;
    }

    /** A new agreement in {@code DRAFT}, no party has signed yet. */
    public static AgreementView drafted(AgreementDrafted event, Instant recordedAt) {
        List<Party> parties = event.partyIds().stream().map(Party::unsigned).toList();
        return new AgreementView(
                event.agreementId(),
                event.title(),
                event.subject(),
                AgreementStatus.DRAFT,
                event.validFrom(),
                event.validUntil(),
                null,
                null,
                null,
                recordedAt,
                recordedAt,
                parties,
                List.of(),
                List.of());
    }

    /** The view after {@code event}, recorded at {@code recordedAt}. */
    public AgreementView apply(AgreementEvent event, Instant recordedAt) {
        Editor next = new Editor(this, recordedAt);
        if (event instanceof AgreementDrafted) {
            return this;
        } else if (event instanceof PartyAdmitted admitted) {
            if (party(admitted.partnerId()).isEmpty()) {
                next.addParty(Party.unsigned(admitted.partnerId()));
            }
        } else if (event instanceof AgreementSigned signed) {
            next.replaceParty(
                    signed.partnerId(),
                    party -> new Party(
                            party.partnerId(),
                            true,
                            signed.signatoryName(),
                            signed.signatoryRole(),
                            signed.signedOn()));
        } else if (event instanceof AgreementConcluded concluded) {
            next.status = AgreementStatus.IN_FORCE;
            next.concludedOn = concluded.concludedOn();
        } else if (event instanceof AgreementAmended amended) {
            next.title = amended.title() != null ? amended.title() : title;
            next.subject = amended.subject() != null ? amended.subject() : subject;
            next.validUntil = amended.validUntil() != null ? amended.validUntil() : validUntil;
        } else if (event instanceof AgreementTerminated terminated) {
            next.status = AgreementStatus.TERMINATED;
            next.terminatedOn = terminated.effectiveOn();
            next.terminationReason = terminated.reason();
        } else if (event instanceof ServiceDelegated delegated) {
            if (delegation(delegated.delegationId()).isEmpty()) {
                next.addDelegation(Delegation.planned(delegated));
            }
        } else if (event instanceof DelegationStarted started) {
            next.replaceDelegation(
                    started.delegationId(), d -> d.with(DelegationStatus.ACTIVE, started.startsOn(), d.endsOn()));
        } else if (event instanceof DelegationSuspended suspended) {
            next.replaceDelegation(
                    suspended.delegationId(), d -> d.with(DelegationStatus.SUSPENDED, d.startsOn(), d.endsOn()));
        } else if (event instanceof DelegationResumed resumed) {
            next.replaceDelegation(
                    resumed.delegationId(), d -> d.with(DelegationStatus.ACTIVE, d.startsOn(), d.endsOn()));
        } else if (event instanceof DelegationEnded ended) {
            next.replaceDelegation(ended.delegationId(), d -> d.with(DelegationStatus.ENDED, d.startsOn(), ended.on()));
        } else if (event instanceof CostEntryRecorded recorded) {
            if (costEntry(recorded.entryId()).isEmpty()) {
                next.addCostEntry(CostEntry.recorded(recorded));
            }
        } else if (event instanceof CostEntryReversed reversed) {
            next.replaceCostEntry(reversed.entryId(), entry -> entry.reversed(reversed.reason()));
        }
        return next.view();
    }

    public Optional<Party> party(String partnerId) {
        return parties.stream().filter(p -> p.partnerId().equals(partnerId)).findFirst();
    }

    public Optional<Delegation> delegation(String delegationId) {
        return delegations.stream()
                .filter(d -> d.delegationId().equals(delegationId))
                .findFirst();
    }

    public Optional<CostEntry> costEntry(String entryId) {
        return costEntries.stream().filter(e -> e.entryId().equals(entryId)).findFirst();
    }

    /**
     * Every partner this agreement concerns, in order of appearance: parties, providers, the parties
     * providers act for, consumers, and partners with cost entries.
     */
    public Set<String> touchedPartners() {
        Set<String> touched = new LinkedHashSet<>();
        parties.forEach(p -> touched.add(p.partnerId()));
        for (Delegation delegation : delegations) {
            touched.add(delegation.providerId());
            touched.add(delegation.providerPartyId());
            touched.addAll(delegation.consumerIds());
        }
        costEntries.forEach(e -> touched.add(e.partnerId()));
        touched.remove(null);
        return touched;
    }

    /** An event together with the instant it was recorded, as history holds it. */
    public record Recorded(AgreementEvent event, Instant recordedAt) {}

    /** A party and whether, by whom and when it signed. */
    public record Party(
            String partnerId, boolean signed, String signatoryName, String signatoryRole, LocalDate signedOn) {
        static Party unsigned(String partnerId) {
            return new Party(partnerId, false, null, null, null);
        }
    }

    /**
     * A delegated service.
     *
     * @param providerPartyId the party the provider acts for: the provider itself or the body an
     *     operating unit belongs to
     */
    public record Delegation(
            String delegationId,
            String serviceCode,
            String serviceName,
            String leikaKey,
            String providerId,
            String providerPartyId,
            List<String> consumerIds,
            DelegationStatus status,
            LocalDate startsOn,
            LocalDate endsOn) {
        public Delegation {
            consumerIds = List.copyOf(consumerIds);
        }

        static Delegation planned(ServiceDelegated event) {
            return new Delegation(
                    event.delegationId(),
                    event.serviceCode(),
                    event.serviceName(),
                    event.leikaKey(),
                    event.providerId(),
                    event.providerPartyId(),
                    event.consumerIds(),
                    DelegationStatus.PLANNED,
                    null,
                    null);
        }

        Delegation with(DelegationStatus status, LocalDate startsOn, LocalDate endsOn) {
            return new Delegation(
                    delegationId,
                    serviceCode,
                    serviceName,
                    leikaKey,
                    providerId,
                    providerPartyId,
                    consumerIds,
                    status,
                    startsOn,
                    endsOn);
        }

        /** Whether {@code partnerId} provides this service itself or through one of its operating units. */
        public boolean isProvidedBy(String partnerId) {
            return partnerId.equals(providerId) || partnerId.equals(providerPartyId);
        }

        public boolean isConsumedBy(String partnerId) {
            return consumerIds.contains(partnerId);
        }
    }

    /** A booking in euro; a reversed entry stays, marked, and no longer counts. */
    public record CostEntry(
            String entryId,
            String delegationId,
            String partnerId,
            int fiscalYear,
            CostKind kind,
            BigDecimal amount,
            String description,
            boolean reversed,
            String reversalReason) {
        static CostEntry recorded(CostEntryRecorded event) {
            return new CostEntry(
                    event.entryId(),
                    event.delegationId(),
                    event.partnerId(),
                    event.fiscalYear(),
                    event.kind(),
                    Money.normalize(event.amount()),
                    event.description(),
                    false,
                    null);
        }

        CostEntry reversed(String reason) {
            return new CostEntry(entryId, delegationId, partnerId, fiscalYear, kind, amount, description, true, reason);
        }
    }

    /**
     * A working copy for one step of the fold. A list is copied only when the step changes it, so an
     * event that touches one delegation of a long agreement does not copy its cost entries.
     */
    private static final class Editor {
        private final AgreementView from;
        private final Instant recordedAt;
        private String title;
        private String subject;
        private AgreementStatus status;
        private LocalDate validUntil;
        private LocalDate concludedOn;
        private LocalDate terminatedOn;
        private String terminationReason;
        private List<Party> parties;
        private List<Delegation> delegations;
        private List<CostEntry> costEntries;

        Editor(AgreementView from, Instant recordedAt) {
            this.from = from;
            this.recordedAt = recordedAt;
            this.title = from.title;
            this.subject = from.subject;
            this.status = from.status;
            this.validUntil = from.validUntil;
            this.concludedOn = from.concludedOn;
            this.terminatedOn = from.terminatedOn;
            this.terminationReason = from.terminationReason;
            this.parties = from.parties;
            this.delegations = from.delegations;
            this.costEntries = from.costEntries;
        }

        void addParty(Party party) {
            parties = appended(parties, party);
        }

        void addDelegation(Delegation delegation) {
            delegations = appended(delegations, delegation);
        }

        void addCostEntry(CostEntry entry) {
            costEntries = appended(costEntries, entry);
        }

        void replaceParty(String partnerId, UnaryOperator<Party> change) {
            parties = replaced(parties, p -> p.partnerId().equals(partnerId), change);
        }

        void replaceDelegation(String delegationId, UnaryOperator<Delegation> change) {
            delegations = replaced(delegations, d -> d.delegationId().equals(delegationId), change);
        }

        void replaceCostEntry(String entryId, UnaryOperator<CostEntry> change) {
            costEntries = replaced(costEntries, e -> e.entryId().equals(entryId), change);
        }

        private static <T> List<T> appended(List<T> list, T element) {
            List<T> copy = new ArrayList<>(list.size() + 1);
            copy.addAll(list);
            copy.add(element);
            return copy;
        }

        /** The list with every matching element changed; the same list when none matches. */
        private static <T> List<T> replaced(List<T> list, Predicate<T> matches, UnaryOperator<T> change) {
            List<T> copy = null;
            for (int i = 0; i < list.size(); i++) {
                T element = list.get(i);
                if (matches.test(element)) {
                    if (copy == null) {
                        copy = new ArrayList<>(list);
                    }
                    copy.set(i, change.apply(element));
                }
            }
            return copy == null ? list : copy;
        }

        AgreementView view() {
            return new AgreementView(
                    from.id,
                    title,
                    subject,
                    status,
                    from.validFrom,
                    validUntil,
                    concludedOn,
                    terminatedOn,
                    terminationReason,
                    from.draftedAt,
                    recordedAt,
                    parties,
                    delegations,
                    costEntries);
        }
    }
}
