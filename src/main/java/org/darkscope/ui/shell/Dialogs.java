package org.darkscope.ui.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** Error and confirmation dialogs: the user reads the cause, the application keeps running. */
public final class Dialogs {
    private Dialogs() {}

    /** The messages of an exception and its causes, one per line, without class names where possible. */
    public static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m == null || m.isBlank()) {
                m = t.getClass().getSimpleName();
            }
            if (sb.indexOf(m) < 0) {
                if (!sb.isEmpty()) {
                    sb.append("\ncaused by: ");
                }
                sb.append(m);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return sb.toString();
    }

    /** Shows an error with its message; the stack trace is under "Show details". Does not block the caller. */
    public static Alert showError(Window owner, String title, Throwable e) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(owner);
        a.setTitle("DarkScope: error");
        a.setHeaderText(title);
        a.setContentText(e == null ? "" : describe(e));
        a.getDialogPane().setId("errorDialog");
        if (e != null) {
            StringWriter sw = new StringWriter();
            e.printStackTrace(new PrintWriter(sw));
            TextArea ta = new TextArea(sw.toString());
            ta.setEditable(false);
            ta.setPrefRowCount(12);
            a.getDialogPane().setExpandableContent(ta);
        }
        a.show();
        return a;
    }

    /** Asks a yes/no question; true if the user confirmed. */
    public static boolean confirm(Window owner, String header, String text) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setTitle("DarkScope");
        a.setHeaderText(header);
        a.getDialogPane().setId("confirmDialog");
        Optional<ButtonType> r = a.showAndWait();
        return r.isPresent() && r.get() == ButtonType.OK;
    }

    /** The button of {@link #confirmUnblind} that unblinds. */
    public static final ButtonType UNBLIND = new ButtonType("Unblind", ButtonBar.ButtonData.OTHER);

    /**
     * Asks before unblinding. Cancel is the default button and has the focus, so a stray Enter (or
     * Escape) keeps the box blinded; only a click on "Unblind" (or Tab to it and Space) unblinds.
     */
    public static boolean confirmUnblind(Window owner, String header, String text) {
        Alert a = unblindDialog(owner, header, text);
        Optional<ButtonType> r = a.showAndWait();
        return r.isPresent() && r.get() == UNBLIND;
    }

    /** The unblind question, not yet shown (tests inspect its buttons). */
    static Alert unblindDialog(Window owner, String header, String text) {
        Alert a = new Alert(Alert.AlertType.WARNING, text, UNBLIND, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setTitle("DarkScope: unblind");
        a.setHeaderText(header);
        a.getDialogPane().setId("unblindDialog");
        Button unblind = (Button) a.getDialogPane().lookupButton(UNBLIND);
        Button cancel = (Button) a.getDialogPane().lookupButton(ButtonType.CANCEL);
        unblind.setId("unblindConfirm");
        cancel.setId("unblindCancel");
        unblind.setDefaultButton(false);
        cancel.setDefaultButton(true);
        cancel.setCancelButton(true);
        a.setOnShown(e -> cancel.requestFocus());
        return a;
    }
}
