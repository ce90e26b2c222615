package org.darkscope.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures System.out and System.err (UTF-8) around each test and puts the originals back after it:
 * what a command-line test reads instead of the terminal. Register it per test instance:
 * {@code @RegisterExtension final ConsoleCapture console = new ConsoleCapture();} then read
 * {@link #out()} and {@link #err()}.
 */
public final class ConsoleCapture implements BeforeEachCallback, AfterEachCallback {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @Override
    public void beforeEach(ExtensionContext context) {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    /** What was printed to System.out since the test started or {@link #resetOut()}. */
    public String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What was printed to System.err since the test started. */
    public String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Forgets System.out so far (to read the next command's output alone). */
    public void resetOut() {
        out.reset();
    }
}
