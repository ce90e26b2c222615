package org.darkscope.ui.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Every export from the window asks before it replaces an existing file (the command line refuses
 * without {@code --force}): a dialog lists the files that exist; Cancel is the default button, so a
 * stray Enter keeps them.
 */
public final class Overwrite {
    /** The button that replaces the files. */
    public static final ButtonType REPLACE = new ButtonType("Replace", ButtonBar.ButtonData.OK_DONE);

    private Overwrite() {}

    /** The targets that exist already. */
    public static List<Path> existing(List<Path> targets) {
        return targets.stream().filter(Files::exists).toList();
    }

    /** True if nothing would be replaced, or the user agreed to replace what exists. FX thread. */
    public static boolean confirm(Window owner, List<Path> targets) {
        List<Path> there = existing(targets);
        if (there.isEmpty()) {
            return true;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, message(there), REPLACE, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setTitle("Replace existing file" + (there.size() == 1 ? "" : "s") + "?");
        a.setHeaderText(
                there.size() == 1
                        ? there.get(0).getFileName() + " exists already"
                        : there.size() + " of the files exist already");
        a.getDialogPane().setId("overwrite-dialog");
        // Cancel is the default: Enter must not destroy a file
        ((Button) a.getDialogPane().lookupButton(REPLACE)).setDefaultButton(false);
        ((Button) a.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        Optional<ButtonType> answer = a.showAndWait();
        return answer.isPresent() && answer.get() == REPLACE;
    }

    /** The files File → Export CSV writes for {@code file}: the cut flow and the tables next to it. */
    public static List<Path> csvTargets(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.csv$", "");
        return java.util.stream.Stream.of("", "-efficiencies", "-events", "-exclusion", "-results")
                .map(s -> s.isEmpty() ? file : file.resolveSibling(name + s + ".csv"))
                .toList();
    }

    /** The files File → Export report writes into {@code dir} (as {@code darkscope report}). */
    public static List<Path> reportTargets(Path dir) {
        return java.util.stream.Stream.of(
                        "report.html", "report.pdf", "cutflow.csv", "efficiencies.csv", "exclusion.csv")
                .map(dir::resolve)
                .toList();
    }

    /** The dialog text: the files that would be replaced. */
    static String message(List<Path> there) {
        StringBuilder sb = new StringBuilder("Exporting replaces:\n");
        for (Path p : there) {
            sb.append("  ").append(p).append('\n');
        }
        return sb.append("Replace ")
                .append(there.size() == 1 ? "it" : "them")
                .append("?")
                .toString();
    }
}
