package de.ikz.ledger.command.agreement;

import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.api.agreement.AgreementStatus;
import de.ikz.ledger.api.agreement.DelegationStatus;
import de.ikz.ledger.command.domain.BusinessRule;
import de.ikz.ledger.command.domain.Money;
import de.ikz.ledger.command.domain.PartnerDirectory.PartnerRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules of SPEC section 3 that guard a cooperation agreement, one named record each. */
final class AgreementRules {

    private AgreementRules() {}

    // ---- who may act -------------------------------------------------------------------------

    /** A partner account acts only on agreements its partner is a party to. */
    record ActorIsParty(String actingFor, Collection<String> partyIds) implements BusinessRule {
        public boolean isBroken() {
            return actingFor != null && !partyIds.contains(actingFor);
        }

        public ErrorCode code() {
            return ErrorCode.ACTOR_NOT_A_PARTY;
        }
    }

    // ---- rule 1: parties ---------------------------------------------------------------------

    record AtLeastTwoDistinctParties(List<String> partyIds) implements BusinessRule {
        public boolean isBroken() {
            return Set.copyOf(partyIds).size() < 2;
        }

        public ErrorCode code() {
            return ErrorCode.AGREEMENT_NEEDS_TWO_PARTIES;
        }
    }

    record NoPartyListedTwice(List<String> partyIds) implements BusinessRule {
        public boolean isBroken() {
            return new HashSet<>(partyIds).size() != partyIds.size();
        }

        public ErrorCode code() {
            return ErrorCode.PARTY_LISTED_TWICE;
        }
    }

    record PartnerHasLegalPersonality(PartnerRef partner) implements BusinessRule {
        public boolean isBroken() {
            return !partner.kind().canBeParty();
        }

        public ErrorCode code() {
            return ErrorCode.OPERATING_UNIT_CANNOT_BE_PARTY;
        }

        public String detail() {
            return "'" + partner.id() + "' is an operating unit; its body '" + partner.parentId() + "' is the party.";
        }
    }

    record NotYetAParty(String partnerId, Map<String, Party> parties) implements BusinessRule {
        public boolean isBroken() {
            return parties.containsKey(partnerId);
        }

        public ErrorCode code() {
            return ErrorCode.PARTY_ALREADY_ADMITTED;
        }
    }

    // ---- rule 2: signatures ------------------------------------------------------------------

    record SignerIsParty(String partnerId, Map<String, Party> parties) implements BusinessRule {
        public boolean isBroken() {
            return !parties.containsKey(partnerId);
        }

        public ErrorCode code() {
            return ErrorCode.NOT_A_PARTY;
        }
    }

    record PartySignsOnce(Party party) implements BusinessRule {
        public boolean isBroken() {
            return party.hasSigned();
        }

        public ErrorCode code() {
            return ErrorCode.AGREEMENT_ALREADY_SIGNED_BY_PARTY;
        }

        public String detail() {
            return "'" + party.partnerId() + "' signed on " + party.signedOn() + ".";
        }
    }

    record SignatureNotInFuture(LocalDate signedOn, LocalDate today) implements BusinessRule {
        public boolean isBroken() {
            return signedOn.isAfter(today);
        }

        public ErrorCode code() {
            return ErrorCode.SIGNATURE_DATE_IN_FUTURE;
        }
    }

    // ---- rule 3: termination -----------------------------------------------------------------

    record NotTerminated(AgreementStatus status) implements BusinessRule {
        public boolean isBroken() {
            return status == AgreementStatus.TERMINATED;
        }

        public ErrorCode code() {
            return ErrorCode.AGREEMENT_TERMINATED;
        }
    }

    record NotTerminatedYet(AgreementStatus status) implements BusinessRule {
        public boolean isBroken() {
            return status == AgreementStatus.TERMINATED;
        }

        public ErrorCode code() {
            return ErrorCode.AGREEMENT_ALREADY_TERMINATED;
        }
    }

    // ---- rule 4: delegations -----------------------------------------------------------------

    record DelegationIdIsNew(String delegationId, Map<String, Delegation> delegations) implements BusinessRule {
        public boolean isBroken() {
            return delegations.containsKey(delegationId);
        }

        public ErrorCode code() {
            return ErrorCode.DELEGATION_ALREADY_EXISTS;
        }
    }

    record ProviderActsForAParty(PartnerRef provider, Map<String, Party> parties) implements BusinessRule {
        public boolean isBroken() {
            return !parties.containsKey(provider.partyId());
        }

        public ErrorCode code() {
            return ErrorCode.PROVIDER_NOT_A_PARTY;
        }
    }

    record HasAConsumer(List<String> consumerIds) implements BusinessRule {
        public boolean isBroken() {
            return consumerIds.isEmpty();
        }

        public ErrorCode code() {
            return ErrorCode.DELEGATION_NEEDS_A_CONSUMER;
        }
    }

    record NoConsumerListedTwice(List<String> consumerIds) implements BusinessRule {
        public boolean isBroken() {
            return new HashSet<>(consumerIds).size() != consumerIds.size();
        }

        public ErrorCode code() {
            return ErrorCode.CONSUMER_LISTED_TWICE;
        }
    }

    record ConsumerIsParty(String consumerId, Map<String, Party> parties) implements BusinessRule {
        public boolean isBroken() {
            return !parties.containsKey(consumerId);
        }

        public ErrorCode code() {
            return ErrorCode.CONSUMER_NOT_A_PARTY;
        }

        public String detail() {
            return "'" + consumerId + "' is not a party of this agreement.";
        }
    }

    record ProviderNotAmongConsumers(PartnerRef provider, List<String> consumerIds) implements BusinessRule {
        public boolean isBroken() {
            return consumerIds.contains(provider.partyId());
        }

        public ErrorCode code() {
            return ErrorCode.PROVIDER_AMONG_CONSUMERS;
        }
    }

    /** In an agreement in force, a party admitted later takes part once it has signed. */
    record InvolvedPartiesHaveSigned(AgreementStatus status, Map<String, Party> parties, Collection<String> involved)
            implements BusinessRule {
        public boolean isBroken() {
            return status == AgreementStatus.IN_FORCE
                    && involved.stream().anyMatch(id -> !parties.get(id).hasSigned());
        }

        public ErrorCode code() {
            return ErrorCode.PARTY_HAS_NOT_SIGNED;
        }
    }

    // ---- delegation lifecycle ----------------------------------------------------------------

    record DelegationIs(Delegation delegation, Set<DelegationStatus> allowed, ErrorCode code) implements BusinessRule {
        public boolean isBroken() {
            return !allowed.contains(delegation.status());
        }

        public String detail() {
            return "Delegation '" + delegation.delegationId() + "' is " + delegation.status() + ".";
        }
    }

    // ---- rule 5: cost entries ----------------------------------------------------------------

    record InForce(AgreementStatus status) implements BusinessRule {
        public boolean isBroken() {
            return status != AgreementStatus.IN_FORCE;
        }

        public ErrorCode code() {
            return ErrorCode.AGREEMENT_NOT_IN_FORCE;
        }
    }

    record DelegationHasStarted(Delegation delegation) implements BusinessRule {
        public boolean isBroken() {
            return !delegation.status().hasStarted();
        }

        public ErrorCode code() {
            return ErrorCode.DELEGATION_NOT_STARTED;
        }
    }

    record EntryPartyIsInvolved(String partnerId, Delegation delegation) implements BusinessRule {
        public boolean isBroken() {
            return !delegation.involves(partnerId);
        }

        public ErrorCode code() {
            return ErrorCode.COST_ENTRY_PARTY_NOT_INVOLVED;
        }
    }

    record FiscalYearWithinDelegation(int fiscalYear, Delegation delegation) implements BusinessRule {
        public boolean isBroken() {
            return fiscalYear < delegation.startsOn().getYear()
                    || (delegation.endsOn() != null
                            && fiscalYear > delegation.endsOn().getYear());
        }

        public ErrorCode code() {
            return ErrorCode.FISCAL_YEAR_OUTSIDE_DELEGATION;
        }

        public String detail() {
            return "Fiscal year " + fiscalYear + " lies outside the delegation ("
                    + delegation.startsOn().getYear() + " to "
                    + (delegation.endsOn() == null
                            ? "open"
                            : delegation.endsOn().getYear()) + ").";
        }
    }

    record EntryIdIsNew(String entryId, Map<String, CostEntry> entries) implements BusinessRule {
        public boolean isBroken() {
            return entries.containsKey(entryId);
        }

        public ErrorCode code() {
            return ErrorCode.COST_ENTRY_ALREADY_EXISTS;
        }
    }

    record AmountIsValid(BigDecimal amount) implements BusinessRule {
        public boolean isBroken() {
            return !Money.isValidAmount(amount);
        }

        public ErrorCode code() {
            return ErrorCode.INVALID_REQUEST;
        }

        public String detail() {
            return "amount must be more than 0 and at most 1000000000.00, with at most two fraction digits.";
        }
    }

    // ---- rule 6: reversals -------------------------------------------------------------------

    record NotReversedYet(CostEntry entry) implements BusinessRule {
        public boolean isBroken() {
            return entry.reversed();
        }

        public ErrorCode code() {
            return ErrorCode.COST_ENTRY_ALREADY_REVERSED;
        }
    }

    // ---- rule 7: dates -----------------------------------------------------------------------

    record ValidityIsOrdered(LocalDate validFrom, LocalDate validUntil) implements BusinessRule {
        public boolean isBroken() {
            return validUntil != null && validUntil.isBefore(validFrom);
        }

        public ErrorCode code() {
            return ErrorCode.VALID_UNTIL_BEFORE_VALID_FROM;
        }
    }

    record TerminationNotBeforeValidity(LocalDate effectiveOn, LocalDate validFrom) implements BusinessRule {
        public boolean isBroken() {
            return effectiveOn.isBefore(validFrom);
        }

        public ErrorCode code() {
            return ErrorCode.TERMINATION_BEFORE_VALID_FROM;
        }
    }

    record TerminationNotBeforeRunningDelegations(LocalDate effectiveOn, Collection<Delegation> delegations)
            implements BusinessRule {
        public boolean isBroken() {
            // a delegation that started (or ended) after the date would outlast the agreement
            return delegations.stream()
                    .anyMatch(d -> d.status().hasStarted() && d.lastChangeOn().isAfter(effectiveOn));
        }

        public ErrorCode code() {
            return ErrorCode.TERMINATION_BEFORE_DELEGATION_START;
        }
    }

    record NotBeforeLastChange(Delegation delegation, LocalDate on) implements BusinessRule {
        public boolean isBroken() {
            return on.isBefore(delegation.lastChangeOn());
        }

        public ErrorCode code() {
            return ErrorCode.DATE_BEFORE_LAST_CHANGE;
        }

        public String detail() {
            return on + " lies before " + delegation.lastChangeOn() + ", the delegation's last change.";
        }
    }

    record SomethingToAmend(String title, String subject, LocalDate validUntil) implements BusinessRule {
        public boolean isBroken() {
            return title == null && subject == null && validUntil == null;
        }

        public ErrorCode code() {
            return ErrorCode.INVALID_REQUEST;
        }

        public String detail() {
            return "An amendment changes at least one of title, subject and validUntil.";
        }
    }
}
