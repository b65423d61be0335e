package de.ikz.ledger.command.web;

import de.ikz.ledger.api.ErrorCode;
import de.ikz.ledger.platform.web.LedgerProblemException;
import java.util.regex.Pattern;

/** Ids in paths: one that is not a slug cannot name anything, so it is answered as unknown. */
public final class PathIds {

    private static final Pattern SLUG = Pattern.compile(Constraints.SLUG);

    private PathIds() {}

    public static String require(String id, ErrorCode notFound) {
        if (id == null || !SLUG.matcher(id).matches()) {
            throw new LedgerProblemException(notFound, null);
        }
        return id;
    }
}
