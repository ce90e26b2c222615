package org.darkscope.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The most recently opened run files, newest first, kept in {@link java.util.prefs.Preferences}.
 * Tests never touch the user's real preferences: they pass an {@link #inMemory()} list or their own
 * node, and the test run sets {@code -D}{@value #MEMORY_PROPERTY}{@code =true} so that even
 * {@link #forUser()} stays in memory.
 */
public final class RecentRuns {
    private static final System.Logger LOG = System.getLogger(RecentRuns.class.getName());
    /** How many files the File menu lists. */
    public static final int MAX = 10;

    private static final String KEY = "recent.";
    /** System property: when {@code true}, {@link #forUser()} keeps the list in memory only. */
    public static final String MEMORY_PROPERTY = "darkscope.prefs.memory";

    private final Preferences node;

    /** Uses the given preferences node (tests pass a throw-away node). */
    public RecentRuns(Preferences node) {
        this.node = node;
    }

    /** The user's DarkScope preferences (in memory only if {@value #MEMORY_PROPERTY} is {@code true}). */
    public static RecentRuns forUser() {
        return new RecentRuns(UserPreferences.node("org/darkscope/recent-runs"));
    }

    /** A list that lives in memory only, empty at first: for tests, demos and benchmarks. */
    public static RecentRuns inMemory() {
        return new RecentRuns(UserPreferences.inMemory().node("org/darkscope/recent-runs"));
    }

    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String s = node.get(KEY + i, null);
            if (s != null && !s.isBlank()) {
                out.add(Path.of(s));
            }
        }
        return out;
    }

    /** Puts {@code file} first (removing a duplicate), keeping at most {@link #MAX}. */
    public void add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> l = list();
        l.remove(abs);
        l.add(0, abs);
        store(l);
    }

    public void remove(Path file) {
        List<Path> l = list();
        l.remove(file.toAbsolutePath().normalize());
        store(l);
    }

    public void clear() {
        store(List.of());
    }

    private void store(List<Path> l) {
        for (int i = 0; i < MAX; i++) {
            if (i < l.size()) {
                node.put(KEY + i, l.get(i).toString());
            } else {
                node.remove(KEY + i);
            }
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot store the recent runs: " + e.getMessage());
        }
    }
}
