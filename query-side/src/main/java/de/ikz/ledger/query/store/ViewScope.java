package de.ikz.ledger.query.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.function.LongSupplier;
import org.bson.Document;

/**
 * Where a kind of view is stored: a database, the generation of collections in use (the active one,
 * or a fixed one that a replay builds), and whether this process is the only writer of the store
 * (the embedded server, which lives in this process and locks its file).
 *
 * @param generation asked on every use, so that the live scope follows a replay's switch-over
 */
public record ViewScope(MongoDatabase database, LongSupplier generation, boolean soleWriter) {

    /** The generation that answers queries and takes the projections' writes, whichever it is. */
    public static ViewScope live(MongoDatabase database, ViewGenerations generations, ViewMongo mongo) {
        return new ViewScope(database, generations::active, mongo.isEmbedded());
    }

    /** The same store, fixed on one generation. */
    public ViewScope ofGeneration(long fixed) {
        return new ViewScope(database, () -> fixed, soleWriter);
    }

    /** The collection {@code base} of the generation in use. */
    public MongoCollection<Document> collection(String base) {
        return database.getCollection(ViewGenerations.collection(base, generation.getAsLong()));
    }

    /** The views in collection {@code base} of the generation in use. */
    public ViewCollection views(String base) {
        return new ViewCollection(collection(base), soleWriter);
    }
}
