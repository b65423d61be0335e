package de.ikz.ledger.platform.settings;

import de.ikz.ledger.platform.security.LedgerRole;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Checks the service's own settings once they are all known (command line, environment, property
 * files, test properties) and before any component is created, so that a wrong value stops start-up
 * with an {@link InvalidSettingException} naming it, instead of a failure deep inside a component.
 * Only settings that are present are checked; each component keeps its default. Registered in
 * {@code META-INF/spring.factories}.
 */
public class SettingsCheck implements ApplicationListener<ApplicationPreparedEvent>, Ordered {

    static final String DATA_DIR = "ikz.data-dir";
    static final String MONGO_URI = "ikz.mongo.uri";
    static final String SNAPSHOT_THRESHOLD = "ikz.snapshots.agreement-threshold";
    static final String MAX_BODY_SIZE = "ikz.http.max-body-size";
    static final String MAX_NESTING_DEPTH = "ikz.http.max-nesting-depth";
    static final String MAX_STRING_LENGTH = "ikz.http.max-string-length";
    static final String AGGREGATE_CACHE_SIZE = "ikz.aggregates.cache-size";
    static final String CHECKPOINT_INTERVAL = "ikz.history.checkpoint-interval";
    static final String COMMAND_TIMEOUT = "ikz.commands.timeout";
    static final String CONSISTENCY_MAX_WAIT = "ikz.consistency.max-wait";
    static final String QUERY_SEGMENTS = "ikz.query.segments";
    static final String QUERY_BATCH_SIZE = "ikz.query.batch-size";
    static final String MAX_PROCESSOR_LAG = "ikz.health.max-processor-lag";
    static final String ACCOUNTS = "ikz.security.accounts";

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        check(event.getApplicationContext().getEnvironment());
    }

    /** Checks every present setting; throws for the first invalid one. */
    public static void check(Environment environment) {
        Settings settings = new Settings(environment);
        settings.value(DATA_DIR).ifPresent(SettingsCheck::checkDataDir);
        settings.value(MONGO_URI).filter(StringUtils::hasText).ifPresent(SettingsCheck::checkMongoUri);
        settings.value(SNAPSHOT_THRESHOLD).ifPresent(v -> atLeast(SNAPSHOT_THRESHOLD, v, 1));
        settings.value(MAX_BODY_SIZE).ifPresent(SettingsCheck::checkBodySize);
        settings.value(MAX_NESTING_DEPTH).ifPresent(v -> atLeast(MAX_NESTING_DEPTH, v, 2));
        settings.value(MAX_STRING_LENGTH).ifPresent(v -> atLeast(MAX_STRING_LENGTH, v, 1));
        settings.value(AGGREGATE_CACHE_SIZE).ifPresent(v -> atLeast(AGGREGATE_CACHE_SIZE, v, 0));
        settings.value(CHECKPOINT_INTERVAL).ifPresent(v -> atLeast(CHECKPOINT_INTERVAL, v, 1));
        settings.value(COMMAND_TIMEOUT).ifPresent(v -> duration(COMMAND_TIMEOUT, v, false));
        settings.value(CONSISTENCY_MAX_WAIT).ifPresent(v -> duration(CONSISTENCY_MAX_WAIT, v, true));
        settings.value(QUERY_SEGMENTS).ifPresent(v -> atLeast(QUERY_SEGMENTS, v, 1));
        settings.value(QUERY_BATCH_SIZE).ifPresent(v -> atLeast(QUERY_BATCH_SIZE, v, 1));
        settings.value(MAX_PROCESSOR_LAG).ifPresent(v -> atLeast(MAX_PROCESSOR_LAG, v, 0));
        settings.accounts().ifPresent(SettingsCheck::checkAccounts);
    }

    /** Every account has a name, a password and a known role; a partner id exactly when it is a PARTNER. */
    static void checkAccounts(List<RawAccount> accounts) {
        for (int i = 0; i < accounts.size(); i++) {
            RawAccount account = accounts.get(i);
            String prefix = ACCOUNTS + "[" + i + "].";
            if (!StringUtils.hasText(account.username())) {
                throw new InvalidSettingException(prefix + "username", "is missing");
            }
            if (!StringUtils.hasText(account.password())) {
                throw new InvalidSettingException(prefix + "password", "is missing for account " + account.username());
            }
            LedgerRole role;
            try {
                role = LedgerRole.valueOf(String.valueOf(account.role()).strip());
            } catch (IllegalArgumentException unknown) {
                throw new InvalidSettingException(
                        prefix + "role",
                        "'" + account.role() + "' of account " + account.username() + " is not one of "
                                + Arrays.toString(LedgerRole.values()));
            }
            if ((role == LedgerRole.PARTNER) != StringUtils.hasText(account.partnerId())) {
                throw new InvalidSettingException(
                        prefix + "partner-id",
                        role == LedgerRole.PARTNER
                                ? "is missing: account " + account.username() + " has role PARTNER"
                                : "is set, but account " + account.username() + " has role " + role
                                        + "; only a PARTNER account is bound to a partner");
            }
        }
    }

    /** An account as configured, before it is understood. */
    record RawAccount(String username, String password, String role, String partnerId) {}

    /** The data directory must be a directory the service can create and write files in. */
    static void checkDataDir(String value) {
        if (!StringUtils.hasText(value)) {
            throw new InvalidSettingException(DATA_DIR, "is empty; name a directory");
        }
        Path dir;
        try {
            dir = Path.of(value.strip());
        } catch (InvalidPathException notAPath) {
            throw new InvalidSettingException(DATA_DIR, "'" + value + "' is not a path: " + notAPath.getReason());
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InvalidSettingException(DATA_DIR, dir + " exists but is not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException cannotCreate) {
            throw new InvalidSettingException(
                    DATA_DIR, "the directory " + dir + " cannot be created (" + reason(cannotCreate) + ")");
        }
        try {
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException cannotWrite) {
            throw new InvalidSettingException(
                    DATA_DIR, "the directory " + dir + " is not writable (" + reason(cannotWrite) + ")");
        }
    }

    static void checkMongoUri(String value) {
        if (!ClassUtils.isPresent("com.mongodb.ConnectionString", SettingsCheck.class.getClassLoader())) {
            return; // a side without views does not read it
        }
        MongoUriCheck.check(MONGO_URI, value);
    }

    static void checkBodySize(String value) {
        DataSize size;
        try {
            size = DataSize.parse(value.strip());
        } catch (IllegalArgumentException notASize) {
            throw new InvalidSettingException(
                    MAX_BODY_SIZE, "'" + value + "' is not a data size (for example 64KB, 1MB or 65536 for bytes)");
        }
        if (size.toBytes() < 1) {
            throw new InvalidSettingException(MAX_BODY_SIZE, "must be at least 1 byte, was '" + value + "'");
        }
    }

    static long atLeast(String setting, String value, long minimum) {
        long number;
        try {
            number = Long.parseLong(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new InvalidSettingException(setting, "'" + value + "' is not a whole number");
        }
        if (number < minimum || (number > Integer.MAX_VALUE && !MAX_PROCESSOR_LAG.equals(setting))) {
            throw new InvalidSettingException(
                    setting, "must be a whole number of at least " + minimum + ", was " + value.strip());
        }
        return number;
    }

    static Duration duration(String setting, String value, boolean zeroAllowed) {
        Duration duration;
        try {
            duration = DurationStyle.detectAndParse(value.strip());
        } catch (IllegalArgumentException notADuration) {
            throw new InvalidSettingException(
                    setting, "'" + value + "' is not a duration (for example 30s, 500ms or PT30S)");
        }
        if (duration.isNegative() || (!zeroAllowed && duration.isZero())) {
            throw new InvalidSettingException(
                    setting, "must be " + (zeroAllowed ? "zero or positive" : "positive") + ", was " + value.strip());
        }
        return duration;
    }

    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : "cause unknown";
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** Reads settings with Spring Boot's relaxed names, so that environment variables count too. */
    private record Settings(Binder binder, Environment environment) {
        Settings(Environment environment) {
            this(
                    environment instanceof ConfigurableEnvironment configurable ? Binder.get(configurable) : null,
                    environment);
        }

        Optional<String> value(String name) {
            try {
                if (binder != null) {
                    return Optional.ofNullable(binder.bind(name, String.class).orElse(null));
                }
                return Optional.ofNullable(environment.getProperty(name));
            } catch (RuntimeException unresolvable) {
                throw new InvalidSettingException(name, "cannot be read: " + unresolvable.getMessage());
            }
        }

        Optional<List<RawAccount>> accounts() {
            if (binder == null) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(
                        binder.bind(ACCOUNTS, Bindable.listOf(RawAccount.class)).orElse(null));
            } catch (RuntimeException unreadable) {
                throw new InvalidSettingException(ACCOUNTS, "cannot be read: " + unreadable.getMessage());
            }
        }
    }
}
