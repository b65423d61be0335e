package de.ikz.ledger.query.replay;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.api.agreement.AgreementEvent;
import de.ikz.ledger.api.partner.PartnerEvent;
import de.ikz.ledger.platform.operations.ReplayReadiness;
import de.ikz.ledger.platform.web.LedgerProblemException;
import de.ikz.ledger.query.agreement.AgreementViews;
import de.ikz.ledger.query.ledger.PartnerLedgers;
import de.ikz.ledger.query.partner.PartnerViews;
import de.ikz.ledger.query.processing.ViewProcessors;
import de.ikz.ledger.query.projection.Projectors;
import de.ikz.ledger.query.store.ViewGenerations;
import de.ikz.ledger.query.store.ViewMongo;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rebuilds every view from the event store beside the views that answer queries: the events are
 * folded in memory with the projections' own folds and written in bulk into the next generation of
 * collections; then the live processors pause, the new generation catches up with what arrived
 * meanwhile, and one write switches queries and processors over. Queries answer from the old
 * views until then. A replay cut short by a crash is redone from the start when the service
 * starts again.
 */
@Component
public class Replays {

    private static final Logger log = LoggerFactory.getLogger(Replays.class);
    private static final Pattern GENERATION_SUFFIX = Pattern.compile("_g(\\d+)$");
    static final String COLLECTION = "replays";

    private final MongoDatabase database;
    private final ViewMongo mongo;
    private final MongoCollection<Document> jobs;
    private final ViewGenerations generations;
    private final EventStoreReader reader;
    private final AgreementViews liveAgreements;
    private final PartnerViews livePartners;
    private final PartnerLedgers liveLedgers;
    private final EventProcessingConfiguration processing;
    private final ReplayReadiness readiness;
    private final Clock clock;
    private final int batchSize;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "view-replay");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ReplayJob current;

    Replays(
            MongoDatabase viewDatabase,
            ViewMongo viewMongo,
            ViewGenerations generations,
            EventStoreReader reader,
            AgreementViews liveAgreements,
            PartnerViews livePartners,
            PartnerLedgers liveLedgers,
            EventProcessingConfiguration processing,
            ReplayReadiness readiness,
            Clock clock,
            @Value("${ikz.replay.batch-size:500}") int batchSize) {
        this.database = viewDatabase;
        this.mongo = viewMongo;
        this.jobs = viewDatabase.getCollection(COLLECTION);
        this.generations = generations;
        this.reader = reader;
        this.liveAgreements = liveAgreements;
        this.livePartners = livePartners;
        this.liveLedgers = liveLedgers;
        this.processing = processing;
        this.readiness = readiness;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Starts a replay; only one runs at a time. */
    public synchronized ReplayJob start(String requestedBy) {
        return start(requestedBy, null);
    }

    private synchronized ReplayJob start(String requestedBy, String resumedFrom) {
        if (current != null && current.status() == ReplayJob.Status.RUNNING) {
            throw new LedgerProblemException(
                    ErrorCode.REPLAY_ALREADY_RUNNING, "Replay " + current.id() + " is running.");
        }
        ReplayJob job = new ReplayJob(
                UUID.randomUUID().toString(),
                ReplayJob.Status.RUNNING,
                requestedBy,
                generations.active() + 1,
                0,
                0,
                0,
                null,
                clock.instant(),
                null,
                null,
                resumedFrom);
        save(job);
        // durable before it is answered: a crash from now on finds the job and redoes it
        mongo.commit();
        worker.submit(() -> run(job));
        return job;
    }

    public Optional<ReplayJob> find(String id) {
        if (current != null && current.id().equals(id)) {
            return Optional.of(current);
        }
        return Optional.ofNullable(jobs.find(Filters.eq("_id", id)).first()).map(Replays::decode);
    }

    /** Redoes a replay that a crash cut short, and removes collections no generation uses. */
    @EventListener(ApplicationReadyEvent.class)
    void recover() {
        List<ReplayJob> interrupted = new ArrayList<>();
        for (Document document : jobs.find(Filters.eq("status", ReplayJob.Status.RUNNING.name()))) {
            interrupted.add(decode(document));
        }
        dropUnusedGenerations();
        for (ReplayJob job : interrupted) {
            ReplayJob ended = job.ended(ReplayJob.Status.INTERRUPTED, clock.instant(), "cut short by a restart");
            save(ended);
            log.warn("Replay {} was cut short by a restart; starting it again", job.id());
            start(job.requestedBy(), job.id());
        }
    }

    private void run(ReplayJob started) {
        String id = started.id();
        long target = started.generation();
        GenerationWriter writer = new GenerationWriter(database, target, batchSize);
        boolean paused = false;
        readiness.begin(id);
        try {
            log.info("Replay {} rebuilds every view into generation {}", id, target);
            writer.clear();
            long head = reader.head();
            ReplayedViews views = new ReplayedViews(liveAgreements.checkpointInterval());
            Progress progress = new Progress(head + 1);
            reader.replay(-1, head, views, progress::report);
            writer.write(views);
            progress.done(views.events());

            pause();
            paused = true;
            long newHead = reader.head();
            PartnerViews partners = livePartners.ofGeneration(target);
            AgreementViews agreements = liveAgreements.ofGeneration(target);
            PartnerLedgers ledgers = liveLedgers.ofGeneration(target);
            progress.extend(Math.max(0, newHead - head));
            reader.read(
                    head,
                    newHead,
                    (message, position) -> {
                        if (message instanceof DomainEventMessage<?> event) {
                            catchUp(event, partners, agreements, ledgers);
                        }
                    },
                    progress::reportCatchUp);
            long previous = generations.active();
            generations.activate(target);
            resume();
            paused = false;
            dropGeneration(previous);
            current = current.ended(ReplayJob.Status.COMPLETED, clock.instant(), null);
            save(current);
            log.info(
                    "Replay {} complete: {} events at {} events/s; generation {} answers queries",
                    id,
                    current.eventsProcessed(),
                    current.eventsPerSecond(),
                    target);
        } catch (RuntimeException failure) {
            log.error("Replay {} failed; the views of generation {} keep answering", id, generations.active(), failure);
            if (paused) {
                resume();
            }
            writer.clear();
            current = current.ended(ReplayJob.Status.FAILED, clock.instant(), failure.toString());
            save(current);
        } finally {
            readiness.end(id);
        }
    }

    private static void catchUp(
            DomainEventMessage<?> event, PartnerViews partners, AgreementViews agreements, PartnerLedgers ledgers) {
        Object payload = event.getPayload();
        if (payload instanceof PartnerEvent partnerEvent) {
            Projectors.partner(partners, partnerEvent, event.getSequenceNumber(), event.getTimestamp());
        } else if (payload instanceof AgreementEvent agreementEvent) {
            Projectors.agreement(agreements, ledgers, agreementEvent, event.getSequenceNumber(), event.getTimestamp());
        }
    }

    private void pause() {
        for (String name : ViewProcessors.ALL) {
            processing.eventProcessor(name, StreamingEventProcessor.class).ifPresent(StreamingEventProcessor::shutDown);
        }
    }

    private void resume() {
        for (String name : ViewProcessors.ALL) {
            processing.eventProcessor(name, StreamingEventProcessor.class).ifPresent(StreamingEventProcessor::start);
        }
    }

    private void dropGeneration(long generation) {
        for (String base : GenerationWriter.COLLECTIONS) {
            database.getCollection(ViewGenerations.collection(base, generation)).drop();
        }
    }

    private void dropUnusedGenerations() {
        long active = generations.active();
        for (String name : database.listCollectionNames()) {
            var suffix = GENERATION_SUFFIX.matcher(name);
            boolean generational = GenerationWriter.COLLECTIONS.stream().anyMatch(name::startsWith);
            if (generational && suffix.find() && Long.parseLong(suffix.group(1)) != active) {
                database.getCollection(name).drop();
            }
        }
        if (active != 0) {
            dropGeneration(0);
        }
    }

    private synchronized void save(ReplayJob job) {
        current = job;
        jobs.replaceOne(Filters.eq("_id", job.id()), encode(job), new ReplaceOptions().upsert(true));
    }

    /** Counts what a replay has read and reports it, at most every second, to the job and the log. */
    private final class Progress {
        private long total;
        private long bulk;
        private Instant lastReport = Instant.EPOCH;

        Progress(long total) {
            this.total = total;
        }

        void report(long read) {
            bulk = read;
            publish(read, false);
        }

        void done(long read) {
            bulk = read;
            publish(read, true);
        }

        void extend(long more) {
            total = bulk + more;
        }

        void reportCatchUp(long read) {
            publish(bulk + read, true);
        }

        private void publish(long processed, boolean force) {
            Instant now = clock.instant();
            if (!force && now.isBefore(lastReport.plusSeconds(1))) {
                return;
            }
            lastReport = now;
            ReplayJob job = current.progressed(processed, Math.max(total, processed), now);
            save(job);
            log.info(
                    "Replay {}: {} of {} events, {} events/s, {} s left",
                    job.id(),
                    job.eventsProcessed(),
                    job.eventsTotal(),
                    job.eventsPerSecond(),
                    job.secondsLeft() == null ? "?" : job.secondsLeft());
        }
    }

    private static Document encode(ReplayJob job) {
        return new Document("_id", job.id())
                .append("status", job.status().name())
                .append("requestedBy", job.requestedBy())
                .append("generation", job.generation())
                .append("eventsTotal", job.eventsTotal())
                .append("eventsProcessed", job.eventsProcessed())
                .append("eventsPerSecond", job.eventsPerSecond())
                .append("secondsLeft", job.secondsLeft())
                .append("startedAt", job.startedAt().toString())
                .append(
                        "finishedAt",
                        job.finishedAt() == null ? null : job.finishedAt().toString())
                .append("error", job.error())
                .append("resumedFrom", job.resumedFrom());
    }

    private static ReplayJob decode(Document document) {
        return new ReplayJob(
                document.getString("_id"),
                ReplayJob.Status.valueOf(document.getString("status")),
                document.getString("requestedBy"),
                ((Number) document.get("generation")).longValue(),
                ((Number) document.get("eventsTotal")).longValue(),
                ((Number) document.get("eventsProcessed")).longValue(),
                ((Number) document.get("eventsPerSecond")).longValue(),
                document.get("secondsLeft") == null ? null : ((Number) document.get("secondsLeft")).longValue(),
                Instant.parse(document.getString("startedAt")),
                document.getString("finishedAt") == null ? null : Instant.parse(document.getString("finishedAt")),
                document.getString("error"),
                document.getString("resumedFrom"));
    }
}
