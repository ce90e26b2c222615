package org.darkscope.ui.display;

import java.util.List;
import org.darkscope.event.Column;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;

/** Parses the go-to field: "EVENT" (event number of the shown run) or "RUN:EVENT" (a loaded run). */
final class EventJump {
    /** Where a jump goes: a run and row (row -1 when it cannot go, with the reason in {@code message}). */
    record Target(RunData run, int row, String message) {}

    private EventJump() {}

    static Target resolve(String text, RunData shown, List<RunData> loaded) {
        String t = text == null ? "" : text.strip();
        try {
            RunData target = shown;
            String ev = t;
            int colon = t.indexOf(':');
            if (colon >= 0) {
                int runNo = Integer.parseInt(t.substring(0, colon).strip());
                // the shown run first: two files may hold the same run number
                target = shown != null && shown.info().runNumber() == runNo
                        ? shown
                        : loaded.stream()
                                .filter(r -> r.info().runNumber() == runNo)
                                .findFirst()
                                .orElse(null);
                if (target == null) {
                    return new Target(null, -1, "run " + runNo + " is not loaded");
                }
                ev = t.substring(colon + 1);
            }
            int evNo = Integer.parseInt(ev.strip());
            Column numbers = target.column(Schema.EVENT);
            for (int i = 0; i < numbers.size(); i++) {
                if (numbers.getInt(i) == evNo) {
                    return new Target(target, i, "event " + evNo);
                }
            }
            return new Target(
                    target, -1, "no event " + evNo + " in run " + target.info().runNumber());
        } catch (NumberFormatException e) {
            return new Target(null, -1, "type an event number or run:event, not '" + t + "'");
        }
    }
}
