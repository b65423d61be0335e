package de.ikz.ledger.command.web;

/** Shapes of the values the command API accepts. */
public final class Constraints {

    /** Ids of partners, agreements, delegations, entries and service codes. */
    public static final String SLUG = "^[a-z0-9][a-z0-9-]{1,62}$";

    public static final String SLUG_MESSAGE = "must be a slug: lower-case letters, digits and '-', 2 to 63 characters";

    /** Amtlicher Regionalschlüssel. */
    public static final String ARS = "^[0-9]{12}$";

    /** Key of the federal service catalogue (LeiKa). */
    public static final String LEIKA = "^[0-9]{14}$";

    /** Readable text: no control or invisible formatting characters, no lone surrogates. */
    public static final String PLAIN_TEXT = "^[^\\p{Cc}\\p{Cf}\\p{Cs}]*$";

    /**
     * Like {@link #PLAIN_TEXT}, but line breaks and tabs are allowed: every control character but
     * {@code \t}, {@code \n} and {@code \r} is refused. One character class, so that long texts are
     * matched in a loop and not by recursion.
     */
    public static final String MULTILINE_TEXT = "^[^\\p{Cf}\\p{Cs}\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x{9F}]*$";

    public static final String PLAIN_TEXT_MESSAGE = "must not contain control or invisible formatting characters";

    private Constraints() {}
}
