package de.ikz.ledger.query.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Which generation of the view collections answers queries. A replay builds the next generation
 * beside the active one and switches over with one write, so queries keep answering from complete
 * views while it runs. Generation 0 uses the plain collection names.
 */
@Component
public class ViewGenerations {

    static final String STATE = "view_state";
    private static final String ACTIVE = "activeGeneration";

    private final MongoCollection<Document> state;
    private volatile long active;

    ViewGenerations(MongoDatabase viewDatabase) {
        this.state = viewDatabase.getCollection(STATE);
        Document stored = state.find(Filters.eq("_id", ACTIVE)).first();
        this.active = stored == null ? 0 : Fields.longValue(stored, "generation");
    }

    public long active() {
        return active;
    }

    /** Makes {@code generation} the one that answers queries and takes the projections' writes. */
    public void activate(long generation) {
        state.updateOne(
                Filters.eq("_id", ACTIVE), Updates.set("generation", generation), new UpdateOptions().upsert(true));
        active = generation;
    }

    /** The name of a view collection in a generation. */
    public static String collection(String base, long generation) {
        return generation == 0 ? base : base + "_g" + generation;
    }
}
