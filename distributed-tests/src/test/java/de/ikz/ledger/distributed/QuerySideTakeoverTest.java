package de.ikz.ledger.distributed;

import static de.ikz.ledger.distributed.support.Ledger.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import de.ikz.ledger.command.http.HttpApi;
import de.ikz.ledger.distributed.support.Ledger;
import de.ikz.ledger.distributed.support.ReferenceCaseCommands;
import de.ikz.ledger.distributed.support.ServiceProcess;
import de.ikz.ledger.distributed.support.ServiceProcess.Side;
import de.ikz.ledger.distributed.support.SharedStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas of the query side on one token store: the segments of each view processor are
 * claimed by the replicas, and when one replica dies, the other claims its segments once their
 * claims have timed out and finishes the work.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class QuerySideTakeoverTest {

    private static final int SEGMENTS = 4;
    /** Short, so that the test does not wait long for the dead replica's claims to expire. */
    private static final String CLAIM_TIMEOUT = "2s";

    @TempDir
    Path work;

    SharedStores stores;
    ServiceProcess commandSide;
    ServiceProcess first;
    ServiceProcess second;

    @AfterEach
    void stopEverything() {
        try (SharedStores s = stores;
                ServiceProcess c = commandSide;
                ServiceProcess a = first;
                ServiceProcess b = second) {
            // closed in reverse order: the replicas, the command side, then the stores
        }
    }

    @Test
    void whenOneReplicaDiesTheOtherTakesOverItsSegmentsAndFinishesTheWork() throws Exception {
        stores = SharedStores.start(Files.createDirectories(work.resolve("stores")));
        commandSide = ServiceProcess.start(
                        "command-side", Side.COMMAND, Ledger.commandSide(stores, work.resolve("command")), work)
                .awaitReady(Ledger.START_TIMEOUT);
        HttpApi commands = new HttpApi(commandSide.port());
        ReferenceCaseCommands ledger = new ReferenceCaseCommands(commands, ADMIN);
        ledger.load();

        first = ServiceProcess.start("query-side-1", Side.QUERY, replica(1), work);
        second = ServiceProcess.start("query-side-2", Side.QUERY, replica(2), work);
        first.awaitReady(Ledger.START_TIMEOUT);
        second.awaitReady(Ledger.START_TIMEOUT);
        Ledger.awaitView(
                new HttpApi(first.port()),
                "/api/savings?fiscalYear=2014",
                json -> "15000.00".equals(Ledger.totalSavings(json)),
                Duration.ofSeconds(60));
        Map<String, Map<Integer, String>> before = Ledger.await(
                () -> Ledger.segmentOwners(stores),
                owners -> allClaimed(owners) && ownedOnlyBy(owners, first, second),
                Duration.ofSeconds(30),
                "every segment claimed by a replica");

        ServiceProcess busiest = count(before, first) >= count(before, second) ? first : second;
        ServiceProcess survivor = busiest == first ? second : first;
        busiest.kill();
        ledger.extraBaseline("speicher-2014-kreis-nachtrag", "1000.00");

        Ledger.awaitView(
                new HttpApi(survivor.port()),
                "/api/savings?fiscalYear=2014",
                json -> "16000.00".equals(Ledger.totalSavings(json)),
                Duration.ofSeconds(60));
        Map<String, Map<Integer, String>> after = Ledger.await(
                () -> Ledger.segmentOwners(stores),
                owners -> allClaimed(owners) && ownedOnlyBy(owners, survivor),
                Duration.ofSeconds(30),
                "every segment claimed by the surviving replica");
        assertThat(after).containsOnlyKeys("partners", "agreements");
        assertThat(survivor.isAlive()).isTrue();
        assertThat(count(before, busiest)).isPositive();
        assertThat(count(after, survivor)).isEqualTo(2 * SEGMENTS);
    }

    private ServiceProcess.Settings replica(int number) {
        return Ledger.querySide(stores, work.resolve("query-" + number))
                .set("IKZ_QUERY_SEGMENTS", Integer.toString(SEGMENTS))
                .set("AXON_EVENTHANDLING_TOKENSTORE_CLAIM_TIMEOUT", CLAIM_TIMEOUT);
    }

    private static boolean allClaimed(Map<String, Map<Integer, String>> owners) {
        return owners.keySet().containsAll(java.util.List.of("partners", "agreements"))
                && owners.values().stream()
                        .allMatch(segments -> segments.size() == SEGMENTS
                                && segments.values().stream().allMatch(Objects::nonNull));
    }

    private static boolean ownedOnlyBy(Map<String, Map<Integer, String>> owners, ServiceProcess... replicas) {
        return owners.values().stream()
                .map(Map::values)
                .flatMap(Collection::stream)
                .allMatch(owner -> java.util.Arrays.stream(replicas).anyMatch(r -> isOwner(owner, r)));
    }

    private static long count(Map<String, Map<Integer, String>> owners, ServiceProcess replica) {
        return owners.values().stream()
                .map(Map::values)
                .flatMap(Collection::stream)
                .filter(owner -> isOwner(owner, replica))
                .count();
    }

    /** Axon names a token's owner after the JVM: {@code <pid>@<host>}. */
    private static boolean isOwner(String owner, ServiceProcess replica) {
        return owner != null && owner.startsWith(replica.pid() + "@");
    }
}
