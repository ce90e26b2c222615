package org.darkscope.session;

import org.darkscope.event.RunData;
import org.darkscope.task.Progress;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one run file (the application passes the io package's reader; tests pass fakes). */
@FunctionalInterface
public interface RunReader {
    /**
     * Reads the run at {@code path}, reporting progress and stopping when cancelled.
     *
     * @throws IOException with a message naming the file and the problem
     */
    RunData read(Path path, Progress progress) throws IOException;
}
