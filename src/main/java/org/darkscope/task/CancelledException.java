package org.darkscope.task;

/** Thrown by long work that stopped because it was cancelled. */
public class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled");
    }
}
