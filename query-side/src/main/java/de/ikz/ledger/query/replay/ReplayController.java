package de.ikz.ledger.query.replay;

import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.platform.security.Actor;
import de.ikz.ledger.platform.web.LedgerProblemException;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/replays")
class ReplayController {

    private final Replays replays;

    ReplayController(Replays replays) {
        this.replays = replays;
    }

    /** Starts rebuilding every view; follow it at the answered location. */
    @PostMapping
    ResponseEntity<ReplayJob> start() {
        ReplayJob job = replays.start(Actor.current().name());
        return ResponseEntity.accepted()
                .location(URI.create("/api/admin/replays/" + job.id()))
                .body(job);
    }

    @GetMapping("/{id}")
    ReplayJob find(@PathVariable String id) {
        return replays.find(id).orElseThrow(() -> new LedgerProblemException(ErrorCode.REPLAY_NOT_FOUND, null));
    }
}
