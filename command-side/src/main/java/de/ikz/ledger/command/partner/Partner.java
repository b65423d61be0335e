package de.ikz.ledger.command.partner;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.api.partner.PartnerKind;
import de.ikz.ledger.api.partner.PartnerRegistered;
import de.ikz.ledger.api.partner.PartnerRenamed;
import de.ikz.ledger.api.partner.RegisterPartner;
import de.ikz.ledger.api.partner.RenamePartner;
import de.ikz.ledger.command.domain.BusinessRule;
import de.ikz.ledger.command.domain.PartnerDirectory;
import de.ikz.ledger.command.domain.VersionMatches;
import de.ikz.ledger.command.infra.AggregateVersions;
import de.ikz.ledger.command.infra.CommandSideAxonConfiguration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;

/** A public body taking part in cooperations, or an operating unit of one. */
@Aggregate(cache = CommandSideAxonConfiguration.AGGREGATE_CACHE)
public class Partner {

    @AggregateIdentifier
    private String partnerId;

    private String name;

    protected Partner() {
        // for Axon
    }

    @CommandHandler
    public Partner(RegisterPartner command, PartnerDirectory directory) {
        new ParentGivenExactlyForOperatingUnits(command.kind(), command.parentId()).verify();
        if (command.parentId() != null) {
            new ParentIsABody(directory.require(command.parentId())).verify();
        }
        apply(new PartnerRegistered(
                command.partnerId(), command.name(), command.kind(), command.officialKey(), command.parentId()));
    }

    /**
     * A command that names the version it expects ({@code If-Match}) applies only to that version;
     * every command answers with the version it leaves the aggregate at ({@code ETag}).
     */
    @CommandHandlerInterceptor
    Object expectedVersion(@MetaDataValue(VersionMatches.EXPECTED_VERSION) Long expected, InterceptorChain chain)
            throws Exception {
        new VersionMatches(expected, AggregateLifecycle.getVersion()).verify();
        return AggregateVersions.answer(chain.proceed(), AggregateLifecycle.getVersion());
    }

    @CommandHandler
    void handle(RenamePartner command) {
        new NameChanges(name, command.name()).verify();
        apply(new PartnerRenamed(partnerId, command.name()));
    }

    @EventSourcingHandler
    void on(PartnerRegistered event) {
        partnerId = event.partnerId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(PartnerRenamed event) {
        name = event.name();
    }

    record ParentGivenExactlyForOperatingUnits(PartnerKind kind, String parentId) implements BusinessRule {
        @Override
        public boolean isBroken() {
            return (kind == PartnerKind.OPERATING_UNIT) != (parentId != null);
        }

        @Override
        public ErrorCode code() {
            return ErrorCode.INVALID_REQUEST;
        }

        @Override
        public String detail() {
            return "parentId is required for an operating unit and only for it.";
        }
    }

    record ParentIsABody(PartnerDirectory.PartnerRef parent) implements BusinessRule {
        @Override
        public boolean isBroken() {
            return !parent.kind().canBeParty();
        }

        @Override
        public ErrorCode code() {
            return ErrorCode.PARENT_MUST_NOT_BE_OPERATING_UNIT;
        }
    }

    record NameChanges(String current, String requested) implements BusinessRule {
        @Override
        public boolean isBroken() {
            return current.equals(requested);
        }

        @Override
        public ErrorCode code() {
            return ErrorCode.NAME_UNCHANGED;
        }
    }
}
