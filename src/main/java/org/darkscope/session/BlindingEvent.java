package org.darkscope.session;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a session's blinding log: who unblinded (or blinded again) the signal box, and when.
 * Unblinding is an explicit act; the log is saved in the session file.
 *
 * @param action {@link #UNBLIND} or {@link #BLIND}
 * @param user   the user name (system property user.name)
 * @param time   when
 */
public record BlindingEvent(String action, String user, Instant time) {
    public static final String UNBLIND = "unblind";
    public static final String BLIND = "blind";

    public BlindingEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(time, "time");
        if (!action.equals(UNBLIND) && !action.equals(BLIND)) {
            throw new IllegalArgumentException(
                    "blinding action must be \"unblind\" or \"blind\", got \"" + action + "\"");
        }
        user = user == null || user.isBlank() ? "unknown" : user;
    }

    /** This user (system property user.name), now. */
    public static BlindingEvent now(String action) {
        return new BlindingEvent(action, System.getProperty("user.name", "unknown"), Instant.now());
    }

    public boolean isUnblind() {
        return action.equals(UNBLIND);
    }

    /** "unblinded by alice at 2026-11-29T19:40:00Z". */
    public String describe() {
        return (isUnblind() ? "unblinded" : "blinded again") + " by " + user + " at " + time;
    }
}
