package org.darkscope.session;

import java.nio.file.Path;
import java.util.Objects;
import org.darkscope.event.RunData;

/**
 * One run open in the session.
 *
 * @param data the run's columns
 * @param role what the analysis uses it for
 * @param path the file it was read from, or null for a run made in memory (simulated, tests)
 */
public record OpenRun(RunData data, RunRole role, Path path) {
    public OpenRun {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(role, "role");
    }

    public String name() {
        return path != null ? path.getFileName().toString() : data.displayName();
    }
}
