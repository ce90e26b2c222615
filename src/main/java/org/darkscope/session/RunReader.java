package org.darkscope.session;

import java.io.IOException;
import java.nio.file.Path;
import org.darkscope.event.RunData;
import org.darkscope.task.Progress;

/**
 * Reads one run file: the one run-reader interface of the application (the window, the event
 * display's "follow a directory" and the tests all take it; the application passes io's
 * {@code RunFiles::read}, tests pass fakes).
 */
@FunctionalInterface
public interface RunReader {
    /**
     * Reads the run at {@code path}, reporting progress and stopping when cancelled.
     *
     * @throws IOException with a message naming the file and the problem
     */
    RunData read(Path path, Progress progress) throws IOException;
}
