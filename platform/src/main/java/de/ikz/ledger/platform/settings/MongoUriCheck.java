package de.ikz.ledger.platform.settings;

import com.mongodb.ConnectionString;

/** Parses a MongoDB connection string with the driver; loaded only where the driver is present. */
final class MongoUriCheck {

    private MongoUriCheck() {}

    static void check(String setting, String uri) {
        try {
            new ConnectionString(uri.strip());
        } catch (IllegalArgumentException invalid) {
            // the driver's message names what is wrong without repeating the value, which may hold a password
            throw new InvalidSettingException(
                    setting, "is not a valid MongoDB connection string: " + invalid.getMessage());
        }
    }
}
