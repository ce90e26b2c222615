package org.darkscope.task;

/**
 * Progress and cancellation for long work (loading, simulating, analysing), free of any UI toolkit.
 * The UI adapts it to a JavaFX Task, the CLI to a terminal progress bar.
 */
public interface Progress {
    /** Reports the fraction done (0..1) with a short message. May be called from any thread. */
    void update(double fraction, String message);

    /** True once the user asked to stop; long loops check it and throw {@link CancelledException}. */
    boolean isCancelled();

    /** Throws {@link CancelledException} if cancelled. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** A progress sink that ignores reports and is never cancelled. */
    Progress NONE = new Progress() {
        @Override
        public void update(double fraction, String message) {}

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
