package de.ikz.ledger.query.processing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;

/**
 * Where every segment of a view processor stands, as stored in the token store that all query-side
 * replicas share. Read without claiming, so it never disturbs the replica that holds a segment.
 * A stored position lags the live one by at most a batch, so it errs on the side of waiting.
 */
@Component
class SharedTokenPositions {

    /** The collection {@code MongoTokenStore} keeps its tokens in. */
    static final String COLLECTION = "trackingtokens";

    private final MongoCollection<Document> tokens;
    private final Serializer serializer;

    SharedTokenPositions(MongoDatabase viewDatabase, Serializer serializer) {
        this.tokens = viewDatabase.getCollection(COLLECTION);
        this.serializer = serializer;
    }

    /** Segment to position, for every segment of the processor; a segment without a token is absent. */
    Map<Integer, OptionalLong> of(String processorName) {
        Map<Integer, OptionalLong> positions = new HashMap<>();
        for (Document entry : tokens.find(Filters.eq("processorName", processorName))) {
            int segment = ((Number) entry.get("segment")).intValue();
            Binary token = entry.get("token", Binary.class);
            String type = entry.getString("tokenType");
            if (token == null || type == null) {
                positions.put(segment, OptionalLong.empty());
                continue;
            }
            TrackingToken tracking = serializer.deserialize(
                    new SimpleSerializedObject<>(token.getData(), byte[].class, new SimpleSerializedType(type, null)));
            positions.put(segment, tracking == null ? OptionalLong.empty() : tracking.position());
        }
        return positions;
    }
}
