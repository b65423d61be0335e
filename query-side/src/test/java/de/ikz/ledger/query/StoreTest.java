package de.ikz.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import de.ikz.ledger.api.agreement.AgreementDrafted;
import de.ikz.ledger.api.agreement.AgreementSigned;
import de.ikz.ledger.api.partner.PartnerKind;
import de.ikz.ledger.api.partner.PartnerRegistered;
import de.ikz.ledger.api.partner.PartnerRenamed;
import de.ikz.ledger.query.agreement.AgreementView;
import de.ikz.ledger.query.ledger.PartnerContribution;
import de.ikz.ledger.query.ledger.PartnerLedgers;
import de.ikz.ledger.query.partner.PartnerView;
import de.ikz.ledger.query.partner.PartnerViewCodec;
import de.ikz.ledger.query.store.ViewCollection;
import de.ikz.ledger.query.store.ViewMongo;
import de.ikz.ledger.query.store.ViewScope;
import de.ikz.ledger.query.support.ViewStoreProperties;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The idempotent writes, through the real driver over TCP against the embedded server (or the
 * MongoDB of {@code IKZ_TEST_MONGO_URI}).
 */
class StoreTest {

    private static final Instant AT = Instant.parse("2014-05-22T10:15:30.123456789Z");

    @TempDir
    Path dataDir;

    ViewMongo mongo;
    MongoDatabase database;

    @BeforeEach
    void connect() {
        mongo = ViewMongo.connect(
                ViewStoreProperties.external() ? System.getenv(ViewStoreProperties.TEST_MONGO_URI) : "", dataDir);
        database = mongo.client().getDatabase("ikz-ledger-store-test-" + UUID.randomUUID());
    }

    @AfterEach
    void disconnect() {
        database.drop();
        mongo.close();
    }

    @Test
    void theEmbeddedServerListensOnTheLoopbackOnlyAndKeepsItsFileInTheDataDirectory() {
        if (ViewStoreProperties.external()) {
            return;
        }
        assertThat(mongo.isEmbedded()).isTrue();
        assertThat(mongo.client().getClusterDescription().getServerDescriptions())
                .allSatisfy(server -> assertThat(server.getAddress().getHost()).isEqualTo("127.0.0.1"));
        assertThat(dataDir.resolve(ViewMongo.EMBEDDED_FILE)).exists();
    }

    /** Guarded writes, and the writes of a sole writer (the embedded server's), filtered by {@code _id} alone. */
    @ParameterizedTest(name = "sole writer: {0}")
    @ValueSource(booleans = {false, true})
    void aViewIsCreatedOnceAndThenChangedOnlyByNewerEvents(boolean soleWriter) {
        ViewCollection partners = new ViewCollection(database.getCollection("partners"), soleWriter);
        PartnerRegistered registered =
                new PartnerRegistered("saarbruecken", "Saarbrücken", PartnerKind.MUNICIPALITY, "100410100100", null);

        assertThat(apply(partners, registered, 0)).isTrue();
        assertThat(apply(partners, registered, 0)).as("created again").isFalse();
        assertThat(apply(partners, new PartnerRenamed("saarbruecken", "Landeshauptstadt Saarbrücken"), 1))
                .isTrue();
        assertThat(apply(partners, new PartnerRenamed("saarbruecken", "stale"), 1))
                .as("redelivered")
                .isFalse();
        assertThat(apply(partners, registered, 0)).as("redelivered creation").isFalse();

        Document stored = partners.find("saarbruecken").orElseThrow();
        assertThat(stored.getString("name")).isEqualTo("Landeshauptstadt Saarbrücken");
        assertThat(stored.get("lastSequence", Number.class).longValue()).isEqualTo(1);
        assertThat(stored.getString("registeredAt")).isEqualTo("2014-05-22T10:15:30.123456789Z");
        assertThat(partners.collection().countDocuments()).isEqualTo(1);
    }

    @Test
    void aWriterThatLoadedAnOlderStateDoesNotOverwriteANewerOne() {
        ViewCollection partners = new ViewCollection(database.getCollection("partners"), false);
        apply(partners, new PartnerRegistered("kreis", "Kreis", PartnerKind.DISTRICT, null, null), 0);
        PartnerRenamed slow = new PartnerRenamed("kreis", "slow writer");

        boolean written = partners.apply("kreis", 1, PartnerViewCodec.INSTANCE, loaded -> {
            // another node applies events 1 and 2 while this one is still folding event 1
            apply(partners, new PartnerRenamed("kreis", "Saarpfalz"), 1);
            apply(partners, new PartnerRenamed("kreis", "Saarpfalz-Kreis"), 2);
            return PartnerView.fold(loaded, slow, AT);
        });

        assertThat(written).isFalse();
        assertThat(partners.find("kreis").orElseThrow().getString("name")).isEqualTo("Saarpfalz-Kreis");
    }

    @Test
    void aLateCreationDoesNotOverwriteAViewCreatedAndChangedMeanwhile() {
        ViewCollection partners = new ViewCollection(database.getCollection("partners"), false);
        PartnerRegistered registered = new PartnerRegistered("kreis", "Kreis", PartnerKind.DISTRICT, null, null);

        boolean written = partners.apply("kreis", 0, PartnerViewCodec.INSTANCE, nothing -> {
            apply(partners, registered, 0);
            apply(partners, new PartnerRenamed("kreis", "Saarpfalz-Kreis"), 1);
            return PartnerView.fold(nothing, registered, AT);
        });

        assertThat(written).isFalse();
        assertThat(partners.find("kreis").orElseThrow().getString("name")).isEqualTo("Saarpfalz-Kreis");
    }

    @Test
    void anEventForAViewNotYetCreatedIsNotStored() {
        ViewCollection partners = new ViewCollection(database.getCollection("partners"), false);

        assertThat(apply(partners, new PartnerRenamed("nobody", "Nobody"), 1)).isFalse();
        assertThat(partners.collection().countDocuments()).isZero();
    }

    @Test
    void aLedgerKeepsTheNewestContributionOfEachAgreement() throws Exception {
        PartnerLedgers ledgers = ledgers();
        AgreementView drafted = AgreementView.drafted(
                new AgreementDrafted(
                        "a.1$x", "Title", "Subject", List.of("city", "district"), LocalDate.of(2014, 1, 1), null),
                AT);
        AgreementView signed = drafted.apply(
                new AgreementSigned("a.1$x", "city", "Mayor", "Oberbürgermeisterin", LocalDate.of(2014, 5, 22)), AT);
        AgreementView other = AgreementView.drafted(
                new AgreementDrafted(
                        "other", "Other", "Subject", List.of("city", "district"), LocalDate.of(2014, 1, 1), null),
                AT);

        ledgers.write(PartnerContribution.of(signed, "city", 1));
        ledgers.write(PartnerContribution.of(drafted, "city", 0));
        ledgers.write(PartnerContribution.of(signed, "city", 1));
        ledgers.write(PartnerContribution.of(other, "city", 0));

        List<PartnerContribution> city = ledgers.find("city");
        assertThat(city).extracting(PartnerContribution::agreementId).containsExactly("a.1$x", "other");
        assertThat(city.get(0).sequence()).isEqualTo(1);
        assertThat(database.getCollection(PartnerLedgers.COLLECTION).countDocuments())
                .isEqualTo(1);
    }

    @Test
    void aSoleWritersLedgerTakesEachAgreementsContributionsInTheOrderTheyCome() {
        PartnerLedgers ledgers = new PartnerLedgers(new ViewScope(database, () -> 0, true));
        AgreementView drafted = AgreementView.drafted(
                new AgreementDrafted("a1", "A", "Subject", List.of("city", "district"), LocalDate.of(2014, 1, 1), null),
                AT);
        AgreementView signed =
                drafted.apply(new AgreementSigned("a1", "city", "Name", "Role", LocalDate.of(2014, 5, 22)), AT);
        AgreementView other = AgreementView.drafted(
                new AgreementDrafted("a2", "B", "Subject", List.of("city", "district"), LocalDate.of(2014, 1, 1), null),
                AT);

        ledgers.write(PartnerContribution.of(drafted, "city", 0));
        ledgers.write(PartnerContribution.of(other, "city", 0));
        ledgers.write(PartnerContribution.of(signed, "city", 1));
        ledgers.write(PartnerContribution.of(signed, "city", 1));

        List<PartnerContribution> city = ledgers.find("city");
        assertThat(city).extracting(PartnerContribution::agreementId).containsExactly("a1", "a2");
        assertThat(city).extracting(PartnerContribution::sequence).containsExactly(1L, 0L);
        assertThat(database.getCollection(PartnerLedgers.COLLECTION).countDocuments())
                .isEqualTo(1);
    }

    /**
     * Two writers create one partner's ledger at the same moment: a MongoDB server answers the
     * second upsert with a duplicate key, and its contribution must still be stored.
     */
    @Test
    void aContributionWhoseUpsertLostTheRaceToCreateTheLedgerIsStoredAllTheSame() {
        AgreementView first = AgreementView.drafted(
                new AgreementDrafted(
                        "first", "A", "Subject", List.of("city", "district"), LocalDate.of(2014, 1, 1), null),
                AT);
        AgreementView second = AgreementView.drafted(
                new AgreementDrafted(
                        "second", "B", "Subject", List.of("city", "district"), LocalDate.of(2014, 1, 1), null),
                AT);
        MongoCollection<Document> real = database.getCollection(PartnerLedgers.COLLECTION);
        AtomicBoolean raced = new AtomicBoolean();
        MongoCollection<Document> racing = proxy(MongoCollection.class, real, (method, args) -> {
            if (method.getName().equals("updateOne")
                    && args.length == 3
                    && ((UpdateOptions) args[2]).isUpsert()
                    && raced.compareAndSet(false, true)) {
                // the other writer creates the ledger first; this upsert then collides with it
                real.insertOne(PartnerLedgers.document("city", List.of(PartnerContribution.of(first, "city", 0))));
                throw new MongoWriteException(
                        new WriteError(11000, "E11000 duplicate key error", new BsonDocument()), new ServerAddress());
            }
            return NOT_HANDLED;
        });
        MongoDatabase racingDatabase = proxy(
                MongoDatabase.class,
                database,
                (method, args) -> method.getName().equals("getCollection") ? racing : NOT_HANDLED);

        new PartnerLedgers(new ViewScope(racingDatabase, () -> 0, false))
                .write(PartnerContribution.of(second, "city", 0));

        assertThat(raced).isTrue();
        assertThat(ledgers().find("city"))
                .extracting(PartnerContribution::agreementId)
                .containsExactly("first", "second");
    }

    private static final Object NOT_HANDLED = new Object();

    /** A proxy that asks {@code intercept} first and hands every call it leaves to {@code target}. */
    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<?> type, Object target, BiFunction<Method, Object[], Object> intercept) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            Object[] arguments = args == null ? new Object[0] : args;
            Object answer = intercept.apply(method, arguments);
            if (answer != NOT_HANDLED) {
                return answer;
            }
            try {
                return method.invoke(target, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    private PartnerLedgers ledgers() {
        return new PartnerLedgers(new ViewScope(database, () -> 0, false));
    }

    private static boolean apply(ViewCollection partners, de.ikz.ledger.api.partner.PartnerEvent event, long sequence) {
        return partners.apply(
                event.partnerId(), sequence, PartnerViewCodec.INSTANCE, view -> PartnerView.fold(view, event, AT));
    }
}
