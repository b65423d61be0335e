package de.ikz.ledger.command.agreement;

import static de.ikz.ledger.command.web.Constraints.LEIKA;
import static de.ikz.ledger.command.web.Constraints.MULTILINE_TEXT;
import static de.ikz.ledger.command.web.Constraints.PLAIN_TEXT;
import static de.ikz.ledger.command.web.Constraints.PLAIN_TEXT_MESSAGE;
import static de.ikz.ledger.command.web.Constraints.SLUG;
import static de.ikz.ledger.command.web.Constraints.SLUG_MESSAGE;

import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.api.agreement.AdmitParty;
import de.ikz.ledger.api.agreement.AgreementStatus;
import de.ikz.ledger.api.agreement.AmendAgreement;
import de.ikz.ledger.api.agreement.CostKind;
import de.ikz.ledger.api.agreement.DelegateService;
import de.ikz.ledger.api.agreement.DraftAgreement;
import de.ikz.ledger.api.agreement.EndDelegation;
import de.ikz.ledger.api.agreement.RecordCostEntry;
import de.ikz.ledger.api.agreement.ResumeDelegation;
import de.ikz.ledger.api.agreement.ReverseCostEntry;
import de.ikz.ledger.api.agreement.SignAgreement;
import de.ikz.ledger.api.agreement.StartDelegation;
import de.ikz.ledger.api.agreement.SuspendDelegation;
import de.ikz.ledger.api.agreement.TerminateAgreement;
import de.ikz.ledger.command.web.CommandSender;
import de.ikz.ledger.command.web.CommandSender.Sent;
import de.ikz.ledger.command.web.PathIds;
import de.ikz.ledger.platform.security.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/agreements", consumes = MediaType.APPLICATION_JSON_VALUE)
class AgreementController {

    private final CommandSender commands;

    AgreementController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> draft(@Valid @RequestBody DraftRequest request) {
        String id = request.id() != null ? request.id() : newId();
        Sent<?> sent = commands.send(
                new DraftAgreement(
                        id,
                        request.title(),
                        request.subject(),
                        request.partyIds(),
                        request.validFrom(),
                        request.validUntil()),
                ErrorCode.AGREEMENT_ALREADY_EXISTS);
        return created("/api/agreements/" + id, id, sent);
    }

    @PostMapping("/{id}/parties")
    ResponseEntity<Void> admit(@PathVariable String id, @Valid @RequestBody AdmitRequest request) {
        return noContent(commands.send(new AdmitParty(agreement(id), request.partnerId())));
    }

    @PostMapping("/{id}/signatures")
    ResponseEntity<Map<String, String>> sign(@PathVariable String id, @Valid @RequestBody SignRequest request) {
        Actor.current().requireActsFor(request.partnerId());
        Sent<AgreementStatus> sent = commands.send(new SignAgreement(
                agreement(id),
                request.partnerId(),
                request.signatoryName(),
                request.signatoryRole(),
                request.signedOn()));
        return ResponseEntity.ok()
                .headers(sent.headers())
                .body(Map.of(
                        "agreementId", id,
                        "partnerId", request.partnerId(),
                        "status", sent.result().name()));
    }

    @PatchMapping("/{id}")
    ResponseEntity<Void> amend(@PathVariable String id, @Valid @RequestBody AmendRequest request) {
        return noContent(commands.send(new AmendAgreement(
                agreement(id), request.title(), request.subject(), request.validUntil(), request.reason())));
    }

    @PostMapping("/{id}/termination")
    ResponseEntity<Void> terminate(@PathVariable String id, @Valid @RequestBody TerminateRequest request) {
        return noContent(commands.send(new TerminateAgreement(agreement(id), request.effectiveOn(), request.reason())));
    }

    @PostMapping("/{id}/delegations")
    ResponseEntity<Map<String, String>> delegate(@PathVariable String id, @Valid @RequestBody DelegateRequest request) {
        String delegationId = request.id() != null ? request.id() : newId();
        Sent<?> sent = commands.send(new DelegateService(
                agreement(id),
                delegationId,
                request.serviceCode(),
                request.serviceName(),
                request.leikaKey(),
                request.providerId(),
                request.consumerIds(),
                request.startsOn()));
        return created("/api/agreements/" + id + "/delegations/" + delegationId, delegationId, sent);
    }

    @PostMapping("/{id}/delegations/{delegationId}/start")
    ResponseEntity<Void> start(
            @PathVariable String id, @PathVariable String delegationId, @Valid @RequestBody StartRequest request) {
        return noContent(
                commands.send(new StartDelegation(agreement(id), delegation(delegationId), request.startsOn())));
    }

    @PostMapping("/{id}/delegations/{delegationId}/suspension")
    ResponseEntity<Void> suspend(
            @PathVariable String id,
            @PathVariable String delegationId,
            @Valid @RequestBody StatusChangeRequest request) {
        return changeStatus(
                id, delegationId, request, (a, d) -> new SuspendDelegation(a, d, request.on(), request.reason()));
    }

    @PostMapping("/{id}/delegations/{delegationId}/resumption")
    ResponseEntity<Void> resume(
            @PathVariable String id,
            @PathVariable String delegationId,
            @Valid @RequestBody StatusChangeRequest request) {
        return changeStatus(
                id, delegationId, request, (a, d) -> new ResumeDelegation(a, d, request.on(), request.reason()));
    }

    @PostMapping("/{id}/delegations/{delegationId}/end")
    ResponseEntity<Void> end(
            @PathVariable String id,
            @PathVariable String delegationId,
            @Valid @RequestBody StatusChangeRequest request) {
        return changeStatus(
                id, delegationId, request, (a, d) -> new EndDelegation(a, d, request.on(), request.reason()));
    }

    @PostMapping("/{id}/delegations/{delegationId}/cost-entries")
    ResponseEntity<Map<String, String>> record(
            @PathVariable String id, @PathVariable String delegationId, @Valid @RequestBody CostEntryRequest request) {
        Actor.current().requireActsFor(request.partnerId());
        String entryId = request.id() != null ? request.id() : newId();
        Sent<?> sent = commands.send(new RecordCostEntry(
                agreement(id),
                delegation(delegationId),
                entryId,
                request.partnerId(),
                request.fiscalYear(),
                request.kind(),
                request.amount(),
                request.description()));
        return created("/api/agreements/" + id + "/cost-entries/" + entryId, entryId, sent);
    }

    @PostMapping("/{id}/cost-entries/{entryId}/reversal")
    ResponseEntity<Void> reverse(
            @PathVariable String id, @PathVariable String entryId, @Valid @RequestBody ReversalRequest request) {
        String entry = PathIds.require(entryId, ErrorCode.COST_ENTRY_NOT_FOUND);
        return noContent(commands.send(new ReverseCostEntry(agreement(id), entry, request.reason())));
    }

    private ResponseEntity<Void> changeStatus(
            String id, String delegationId, StatusChangeRequest request, BiFunction<String, String, Object> command) {
        return noContent(commands.send(command.apply(agreement(id), delegation(delegationId))));
    }

    private static String agreement(String id) {
        return PathIds.require(id, ErrorCode.AGREEMENT_NOT_FOUND);
    }

    private static String delegation(String id) {
        return PathIds.require(id, ErrorCode.DELEGATION_NOT_FOUND);
    }

    /** Ids the client leaves out are generated here, at the edge, never in the domain. */
    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static ResponseEntity<Map<String, String>> created(String location, String id, Sent<?> sent) {
        return ResponseEntity.created(URI.create(location))
                .headers(sent.headers())
                .body(Map.of("id", id));
    }

    private static ResponseEntity<Void> noContent(Sent<?> sent) {
        return ResponseEntity.noContent().headers(sent.headers()).build();
    }

    record DraftRequest(
            @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String id,

            @NotBlank @Size(max = 300) @Pattern(regexp = PLAIN_TEXT, message = PLAIN_TEXT_MESSAGE)
            String title,

            @NotBlank @Size(max = 4000) @Pattern(regexp = MULTILINE_TEXT, message = PLAIN_TEXT_MESSAGE)
            String subject,

            @NotNull @Size(max = 100) List<@NotNull @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String> partyIds,
            @NotNull LocalDate validFrom,
            LocalDate validUntil) {}

    record AdmitRequest(
            @NotNull @Pattern(regexp = SLUG, message = SLUG_MESSAGE)
            String partnerId) {}

    record SignRequest(
            @NotNull @Pattern(regexp = SLUG, message = SLUG_MESSAGE)
            String partnerId,

            @NotBlank @Size(max = 200) @Pattern(regexp = PLAIN_TEXT, message = PLAIN_TEXT_MESSAGE)
            String signatoryName,

            @NotBlank @Size(max = 200) @Pattern(regexp = PLAIN_TEXT, message = PLAIN_TEXT_MESSAGE)
            String signatoryRole,

            @NotNull LocalDate signedOn) {}

    record AmendRequest(
            @Size(min = 1, max = 300) @Pattern(regexp = PLAIN_TEXT, message = PLAIN_TEXT_MESSAGE)
            String title,

            @Size(min = 1, max = 4000) @Pattern(regexp = MULTILINE_TEXT, message = PLAIN_TEXT_MESSAGE)
            String subject,

            LocalDate validUntil,

            @NotBlank @Size(max = 2000) @Pattern(regexp = MULTILINE_TEXT, message = PLAIN_TEXT_MESSAGE)
            String reason) {}

    record TerminateRequest(
            @NotNull LocalDate effectiveOn,

            @NotBlank @Size(max = 2000) @Pattern(regexp = MULTILINE_TEXT, message = PLAIN_TEXT_MESSAGE)
            String reason) {}

    record DelegateRequest(
            @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String id,

            @NotNull @Pattern(regexp = SLUG, message = SLUG_MESSAGE)
            String serviceCode,

            @NotBlank @Size(max = 300) @Pattern(regexp = PLAIN_TEXT, message = PLAIN_TEXT_MESSAGE)
            String serviceName,

            @Pattern(regexp = LEIKA, message = "must be the 14-digit LeiKa key")
            String leikaKey,

            @NotNull @Pattern(regexp = SLUG, message = SLUG_MESSAGE)
            String providerId,

            @NotNull @Size(max = 100) List<@NotNull @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String> consumerIds,
            LocalDate startsOn) {}

    record StartRequest(@NotNull LocalDate startsOn) {}

    record StatusChangeRequest(
            @NotNull LocalDate on,

            @Size(max = 2000) @Pattern(regexp = MULTILINE_TEXT, message = PLAIN_TEXT_MESSAGE)
            String reason) {}

    record CostEntryRequest(
            @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String id,

            @NotNull @Pattern(regexp = SLUG, message = SLUG_MESSAGE)
            String partnerId,

            @NotNull @Min(1900) @Max(2200) Integer fiscalYear,
            @NotNull CostKind kind,

            @NotNull
            @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
            @DecimalMax(value = "1000000000.00", message = "must be at most 1000000000.00")
            @Digits(integer = 10, fraction = 2, message = "must have at most two fraction digits")
            BigDecimal amount,

            @Size(max = 1000) @Pattern(regexp = MULTILINE_TEXT, message = PLAIN_TEXT_MESSAGE)
            String description) {}

    record ReversalRequest(
            @NotBlank @Size(max = 2000) @Pattern(regexp = MULTILINE_TEXT, message = PLAIN_TEXT_MESSAGE)
            String reason) {}
}
