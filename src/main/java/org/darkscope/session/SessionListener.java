package org.darkscope.session;

/** Told about changes of a {@link Session}; every method has an empty default. */
public interface SessionListener {
    default void runsChanged(Session session) {
    }

    default void blindingChanged(Session session) {
    }

    default void selectionChanged(Session session) {
    }

    default void resultChanged(Session session) {
    }
}
