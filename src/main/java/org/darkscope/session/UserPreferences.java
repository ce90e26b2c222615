package org.darkscope.session;

import java.util.prefs.Preferences;

/**
 * Where DarkScope remembers things between runs (recent files, the display's logbook folder and text
 * scale): the user's preference store, or a tree in memory when {@value RecentRuns#MEMORY_PROPERTY}
 * is {@code true} (the test run sets it), so that tests never write the user's preferences.
 */
public final class UserPreferences {
    private UserPreferences() {}

    /** The node at {@code path} (e.g. "org/darkscope/display") of the user's store, or of memory when asked. */
    public static Preferences node(String path) {
        return Boolean.getBoolean(RecentRuns.MEMORY_PROPERTY)
                ? inMemory().node(path)
                : Preferences.userRoot().node(path);
    }

    /** A new, empty preference tree that lives in memory only: for tests, demos and benchmarks. */
    public static Preferences inMemory() {
        return new MemoryPreferences();
    }
}
