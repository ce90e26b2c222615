package org.darkscope.ui.display;

import org.darkscope.event.RunData;

import java.nio.file.Path;

/** Reads a run file (the lead wires io's reader in; tests may pass their own). */
@FunctionalInterface
public interface RunLoader {
    RunData load(Path file) throws Exception;
}
