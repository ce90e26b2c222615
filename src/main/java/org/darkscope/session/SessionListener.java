package org.darkscope.session;

/** Told about changes of a {@link Session}; every method has an empty default. */
public interface SessionListener {
    default void runsChanged(Session session) {}

    default void blindingChanged(Session session) {}

    default void selectionChanged(Session session) {}

    /** The analysis definition (background method, limit method, CL) changed. */
    default void definitionChanged(Session session) {}

    default void resultChanged(Session session) {}

    default void detailsChanged(Session session) {}

    /** The latest evaluation failed (e.g. a cut names a column a run lacks). */
    default void analysisFailed(Session session, Exception error) {}
}
