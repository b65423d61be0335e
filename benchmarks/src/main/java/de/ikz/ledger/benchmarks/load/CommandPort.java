package de.ikz.ledger.benchmarks.load;

/** Where a client sends one command and waits for its outcome; a refusal or failure throws. */
@FunctionalInterface
public interface CommandPort {

    void send(Object command);
}
