package de.ikz.ledger.api.agreement;

/** Lifecycle of a delegation: PLANNED, then ACTIVE and SUSPENDED in turn, then ENDED. */
public enum DelegationStatus {
    PLANNED,
    ACTIVE,
    SUSPENDED,
    ENDED;

    /** Whether the delegation has started (it may have ended since). */
    public boolean hasStarted() {
        return this != PLANNED;
    }

    /** Whether the delegation is running: started and not yet ended. */
    public boolean isRunning() {
        return this == ACTIVE || this == SUSPENDED;
    }
}
