package de.ikz.ledger.platform.settings;

import org.springframework.boot.ExitCodeGenerator;

/**
 * A configuration value the service cannot run with. Start-up stops with one line that names the
 * setting and the problem ({@link InvalidSettingFailureAnalyzer}) and exit code {@value #EXIT_CODE}.
 */
public class InvalidSettingException extends RuntimeException implements ExitCodeGenerator {

    /** {@code EX_CONFIG} of {@code sysexits.h}: a configuration error. */
    public static final int EXIT_CODE = 78;

    private final String setting;
    private final String problem;

    public InvalidSettingException(String setting, String problem) {
        super(setting + ": " + problem, null, false, false);
        this.setting = setting;
        this.problem = problem;
    }

    /** The property name, for example {@code ikz.data-dir}. */
    public String setting() {
        return setting;
    }

    /** What is wrong with its value, in one sentence. */
    public String problem() {
        return problem;
    }

    /** The environment variable that sets the property, for example {@code IKZ_DATA_DIR}. */
    public String environmentVariable() {
        return environmentVariable(setting);
    }

    static String environmentVariable(String setting) {
        return setting.replaceAll("\\[(\\d+)]", "_$1")
                .replace('.', '_')
                .replace('-', '_')
                .toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public int getExitCode() {
        return EXIT_CODE;
    }
}
