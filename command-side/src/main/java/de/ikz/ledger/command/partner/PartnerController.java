package de.ikz.ledger.command.partner;

import static de.ikz.ledger.command.web.Constraints.ARS;
import static de.ikz.ledger.command.web.Constraints.PLAIN_TEXT;
import static de.ikz.ledger.command.web.Constraints.PLAIN_TEXT_MESSAGE;
import static de.ikz.ledger.command.web.Constraints.SLUG;
import static de.ikz.ledger.command.web.Constraints.SLUG_MESSAGE;

import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.api.partner.PartnerKind;
import de.ikz.ledger.api.partner.RegisterPartner;
import de.ikz.ledger.api.partner.RenamePartner;
import de.ikz.ledger.command.web.CommandSender;
import de.ikz.ledger.command.web.PathIds;
import de.ikz.ledger.platform.security.Actor;
import de.ikz.ledger.platform.web.LedgerProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/partners", consumes = MediaType.APPLICATION_JSON_VALUE)
class PartnerController {

    private final CommandSender commands;

    PartnerController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> register(@Valid @RequestBody RegisterPartnerRequest request) {
        request.verifyParent();
        var sent = commands.send(
                new RegisterPartner(
                        request.id(), request.name(), request.kind(), request.officialKey(), request.parentId()),
                ErrorCode.PARTNER_ALREADY_EXISTS);
        return ResponseEntity.created(URI.create("/api/partners/" + request.id()))
                .headers(sent.headers())
                .body(Map.of("id", request.id()));
    }

    @PatchMapping("/{id}")
    ResponseEntity<Void> rename(@PathVariable String id, @Valid @RequestBody RenamePartnerRequest request) {
        PathIds.require(id, ErrorCode.PARTNER_NOT_FOUND);
        Actor.current().requireActsFor(id);
        var sent = commands.send(new RenamePartner(id, request.name()));
        return ResponseEntity.noContent().headers(sent.headers()).build();
    }

    record RegisterPartnerRequest(
            @NotNull @Pattern(regexp = SLUG, message = SLUG_MESSAGE)
            String id,

            @NotBlank @Size(max = 200) @Pattern(regexp = PLAIN_TEXT, message = PLAIN_TEXT_MESSAGE)
            String name,

            @NotNull PartnerKind kind,

            @Pattern(regexp = ARS, message = "must be the 12-digit Amtlicher Regionalschlüssel")
            String officialKey,

            @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String parentId) {

        void verifyParent() {
            if ((kind == PartnerKind.OPERATING_UNIT) != (parentId != null)) {
                throw LedgerProblemException.invalidField(
                        "parentId",
                        kind == PartnerKind.OPERATING_UNIT
                                ? "is required for an operating unit"
                                : "is allowed only for an operating unit");
            }
        }
    }

    record RenamePartnerRequest(
            @NotBlank @Size(max = 200) @Pattern(regexp = PLAIN_TEXT, message = PLAIN_TEXT_MESSAGE)
            String name) {}
}
