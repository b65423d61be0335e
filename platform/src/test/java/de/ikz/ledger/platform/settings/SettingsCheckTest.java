package de.ikz.ledger.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SettingsCheckTest {

    @TempDir
    Path temp;

    @Test
    void validSettingsPass() {
        assertThatCode(() -> check(Map.of(
                        "ikz.data-dir", temp.resolve("data").toString(),
                        "ikz.mongo.uri", "mongodb://views.example:27017/?replicaSet=rs0",
                        "ikz.snapshots.agreement-threshold", "50",
                        "ikz.http.max-body-size", "1MB",
                        "ikz.commands.timeout", "10s",
                        "ikz.consistency.max-wait", "0",
                        "ikz.query.segments", "8",
                        "ikz.aggregates.cache-size", "0",
                        "ikz.history.checkpoint-interval", "1",
                        "ikz.health.max-processor-lag", "0")))
                .doesNotThrowAnyException();
        assertThat(temp.resolve("data")).isDirectory();
    }

    @Test
    void absentSettingsAreLeftToTheirDefaults() {
        assertThatCode(() -> check(Map.of())).doesNotThrowAnyException();
    }

    @Test
    void aDataDirectoryThatIsAFileIsRefused() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "x");

        assertThat(refusal(Map.of("ikz.data-dir", file.toString())))
                .isEqualTo("Invalid setting ikz.data-dir (environment variable IKZ_DATA_DIR): " + file
                        + " exists but is not a directory");
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsRefused() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "x");

        assertThat(refusal(Map.of("ikz.data-dir", file.resolve("data").toString())))
                .startsWith("Invalid setting ikz.data-dir (environment variable IKZ_DATA_DIR): the directory "
                        + file.resolve("data") + " cannot be created");
    }

    @Test
    void aMalformedMongoUriIsRefusedWithoutRepeatingIt() {
        String description = refusal(Map.of("ikz.mongo.uri", "mongo://admin:secret@views"));

        assertThat(description)
                .startsWith("Invalid setting ikz.mongo.uri (environment variable IKZ_MONGO_URI): is not a valid"
                        + " MongoDB connection string")
                .doesNotContain("secret");
    }

    @Test
    void aSnapshotThresholdBelowOneIsRefused() {
        assertThat(refusal(Map.of("ikz.snapshots.agreement-threshold", "0")))
                .isEqualTo("Invalid setting ikz.snapshots.agreement-threshold (environment variable"
                        + " IKZ_SNAPSHOTS_AGREEMENT_THRESHOLD): must be a whole number of at least 1, was 0");
        assertThat(refusal(Map.of("ikz.snapshots.agreement-threshold", "many")))
                .endsWith("'many' is not a whole number");
    }

    @Test
    void aMalformedBodySizeIsRefused() {
        assertThat(refusal(Map.of("ikz.http.max-body-size", "64 kilo")))
                .isEqualTo("Invalid setting ikz.http.max-body-size (environment variable IKZ_HTTP_MAX_BODY_SIZE):"
                        + " '64 kilo' is not a data size (for example 64KB, 1MB or 65536 for bytes)");
        assertThat(refusal(Map.of("ikz.http.max-body-size", "0KB"))).endsWith("must be at least 1 byte, was '0KB'");
    }

    @Test
    void durationsAndCountsAreChecked() {
        assertThat(refusal(Map.of("ikz.commands.timeout", "0s"))).endsWith("must be positive, was 0s");
        assertThat(refusal(Map.of("ikz.consistency.max-wait", "soon"))).contains("'soon' is not a duration");
        assertThat(refusal(Map.of("ikz.query.segments", "0"))).contains("ikz.query.segments");
        assertThat(refusal(Map.of("ikz.http.max-nesting-depth", "1"))).contains("at least 2");
        assertThat(refusal(Map.of("ikz.health.max-processor-lag", "-1"))).contains("at least 0");
        assertThat(refusal(Map.of("ikz.aggregates.cache-size", "-1")))
                .isEqualTo("Invalid setting ikz.aggregates.cache-size (environment variable"
                        + " IKZ_AGGREGATES_CACHE_SIZE): must be a whole number of at least 0, was -1");
        assertThat(refusal(Map.of("ikz.history.checkpoint-interval", "0")))
                .contains("ikz.history.checkpoint-interval")
                .endsWith("must be a whole number of at least 1, was 0");
    }

    @Test
    void accountsNeedAKnownRoleAndAPartnerExactlyWhenTheyArePartners() {
        assertThatCode(() -> check(Map.of(
                        "ikz.security.accounts[0].username", "admin",
                        "ikz.security.accounts[0].password", "{noop}x",
                        "ikz.security.accounts[0].role", "ADMIN",
                        "ikz.security.accounts[1].username", "city",
                        "ikz.security.accounts[1].password", "{noop}y",
                        "ikz.security.accounts[1].role", "PARTNER",
                        "ikz.security.accounts[1].partner-id", "saarbruecken")))
                .doesNotThrowAnyException();

        assertThat(refusal(Map.of(
                        "ikz.security.accounts[0].username", "admin",
                        "ikz.security.accounts[0].password", "{noop}x",
                        "ikz.security.accounts[0].role", "ADMINISTRATOR")))
                .isEqualTo("Invalid setting ikz.security.accounts[0].role (environment variable"
                        + " IKZ_SECURITY_ACCOUNTS_0_ROLE): 'ADMINISTRATOR' of account admin is not one of"
                        + " [ADMIN, PARTNER, MANAGER, AUDITOR, INTEGRATOR]");
        assertThat(refusal(Map.of(
                        "ikz.security.accounts[0].username", "city",
                        "ikz.security.accounts[0].password", "{noop}x",
                        "ikz.security.accounts[0].role", "PARTNER")))
                .contains("ikz.security.accounts[0].partner-id")
                .endsWith("is missing: account city has role PARTNER");
        assertThat(refusal(
                        Map.of("ikz.security.accounts[0].username", "admin", "ikz.security.accounts[0].role", "ADMIN")))
                .contains("ikz.security.accounts[0].password")
                .endsWith("is missing for account admin");
    }

    @Test
    void environmentVariablesCountWithTheirRelaxedNames() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new org.springframework.core.env.SystemEnvironmentPropertySource(
                        "env", Map.of("IKZ_HTTP_MAX_BODY_SIZE", "lots")));

        InvalidSettingException refused =
                catchThrowableOfType(InvalidSettingException.class, () -> SettingsCheck.check(environment));

        assertThat(refused.setting()).isEqualTo("ikz.http.max-body-size");
    }

    @Test
    void theFailureAnalysisIsOneLineAndSuggestsTheFix() {
        FailureAnalysis analysis = new InvalidSettingFailureAnalyzer()
                .analyze(new IllegalStateException(
                        "wrapped", new InvalidSettingException("ikz.data-dir", "is not\nwritable")));

        assertThat(analysis.getDescription())
                .isEqualTo("Invalid setting ikz.data-dir (environment variable IKZ_DATA_DIR): is not writable");
        assertThat(analysis.getAction()).contains("ikz.data-dir").contains("docs/CONFIGURATION.md");
        assertThat(new InvalidSettingException("ikz.security.accounts[0].role", "x").environmentVariable())
                .isEqualTo("IKZ_SECURITY_ACCOUNTS_0_ROLE");
    }

    private static void check(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        SettingsCheck.check(environment);
    }

    private static String refusal(Map<String, Object> properties) {
        InvalidSettingException refused = catchThrowableOfType(InvalidSettingException.class, () -> check(properties));
        assertThat(refused).as("refused").isNotNull();
        return InvalidSettingFailureAnalyzer.description(refused);
    }
}
