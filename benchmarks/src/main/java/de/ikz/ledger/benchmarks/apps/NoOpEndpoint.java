package de.ikz.ledger.benchmarks.apps;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registered only in the benchmark applications: takes the same JSON bodies as the command
 * endpoints, through the same filters and security, parses them and answers {@code 201} without
 * sending a command. What HTTP itself costs on this server.
 */
@RestController
public class NoOpEndpoint {

    public static final String PATH = "/api/admin/benchmark/no-op";

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> accept(@RequestBody JsonNode body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("id", body.path("id").asText("no-op")));
    }
}
