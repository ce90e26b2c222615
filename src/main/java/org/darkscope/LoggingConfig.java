package org.darkscope;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.LogManager;

/**
 * Loads {@code logging.properties} from the class path into java.util.logging, where both our
 * {@code System.Logger} calls and the libraries' SLF4J calls (slf4j-jdk14) end up: library chatter
 * at INFO is dropped, warnings are kept. A configuration given with
 * {@code -Djava.util.logging.config.file} or {@code config.class} wins. The only class that touches
 * java.util.logging directly (see docs/architecture.md#logging).
 */
public final class LoggingConfig {
    private LoggingConfig() {}

    /** Applies the bundled configuration unless the JVM was given one. Call before anything logs. */
    public static void apply() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        try (InputStream in = LoggingConfig.class.getResourceAsStream("/logging.properties")) {
            if (in != null) {
                LogManager.getLogManager().readConfiguration(in);
            }
        } catch (IOException | SecurityException e) {
            System.getLogger(LoggingConfig.class.getName())
                    .log(System.Logger.Level.WARNING, "cannot read logging.properties; JDK defaults apply", e);
        }
    }
}
