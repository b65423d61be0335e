package de.ikz.ledger.platform.web;

import java.io.IOException;

/** Thrown while reading a request body that grows past the configured limit. */
public class PayloadTooLargeException extends IOException {
    public PayloadTooLargeException(long limit) {
        super("The request body exceeds " + limit + " bytes.");
    }
}
