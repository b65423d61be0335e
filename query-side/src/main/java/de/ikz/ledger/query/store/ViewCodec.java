package de.ikz.ledger.query.store;

import org.bson.Document;

/** Maps a view to the fields of its document and back; {@code _id} and the sequence are the store's. */
public interface ViewCodec<V> {

    Document encode(V view);

    V decode(Document document);
}
