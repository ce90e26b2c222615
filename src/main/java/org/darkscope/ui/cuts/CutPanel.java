package org.darkscope.ui.cuts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.darkscope.analysis.Cut;
import org.darkscope.session.Session;
import org.darkscope.session.SessionListener;

/**
 * The left panel: every cut of the selection ({@link CutRow}), presets, and Save/Load of the
 * selection (the buttons call the handlers the window sets, which show the file dialogs).
 * Keyboard: Tab moves through switches, sliders (arrow keys move them) and fields (Enter applies).
 */
public final class CutPanel extends BorderPane {
    private final CutsViewModel model;
    private final VBox rows = new VBox(2);
    private final Map<String, CutRow> byName = new LinkedHashMap<>();
    private final ComboBox<String> presets = new ComboBox<>();
    private final Button save = new Button("Save…");
    private final Button load = new Button("Load…");
    private final Label title = new Label();
    private final Label message = new Label();
    private boolean showingName;

    public CutPanel(CutsViewModel model) {
        this.model = model;
        setId("cutPanel");
        presets.setId("presets");
        presets.getItems().addAll(org.darkscope.analysis.Selection.presetNames());
        presets.setPromptText("preset");
        presets.setTooltip(new Tooltip("The selection's name (generated from what differs from its preset);"
                + " pick a preset to replace the cuts and box (Ctrl+Z undoes)"));
        presets.setOnAction(e -> {
            String p = presets.getValue();
            if (p != null && !showingName && CutsViewModel.PRESETS.containsKey(p)) {
                model.applyPreset(p);
                showName();
            }
        });
        message.setId("selectionMessage");
        message.setWrapText(true);
        message.setStyle("-fx-text-fill: #555; -fx-font-size: 0.9em;");
        model.editor().addOnMessage(message::setText);
        save.setId("saveSelection");
        load.setId("loadSelection");
        title.setId("selectionName");
        title.setStyle("-fx-font-weight: bold;");
        FlowPane top = new FlowPane(6, 4, title, presets, load, save);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(4));
        setTop(new VBox(2, top, message));
        ScrollPane sp = new ScrollPane(rows);
        sp.setFitToWidth(true);
        sp.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        setCenter(sp);
        rebuild();
        model.session().addListener(new SessionListener() {
            @Override
            public void selectionChanged(Session s) {
                refresh();
            }

            @Override
            public void detailsChanged(Session s) {
                for (CutRow r : byName.values()) {
                    r.showNMinusOne(model.nMinusOne(r.cutName()));
                }
            }
        });
    }

    public void setOnSave(Runnable r) {
        save.setOnAction(e -> r.run());
    }

    public void setOnLoad(Runnable r) {
        load.setOnAction(e -> r.run());
    }

    public CutRow row(String cutName) {
        return byName.get(cutName);
    }

    private void refresh() {
        List<Cut> cuts = model.cuts();
        if (!cuts.stream().map(Cut::name).toList().equals(List.copyOf(byName.keySet()))) {
            rebuild();
            return;
        }
        for (Cut c : cuts) {
            byName.get(c.name()).show(c);
        }
        showName();
    }

    /**
     * The preset box shows the selection's name ("published, modified: preshower 1"), so a changed or
     * reopened selection never passes for its preset.
     */
    private void showName() {
        String n = model.session().selection().name();
        title.setText(n);
        showingName = true;
        try {
            if (!n.equals(presets.getValue())) {
                presets.setValue(n);
            }
        } finally {
            showingName = false;
        }
        presets.getTooltip().setText(n + "\n\nPick a preset to replace the cuts and box (Ctrl+Z undoes)");
    }

    /** The preset box (tests read what it shows). */
    public ComboBox<String> presetBox() {
        return presets;
    }

    /** The line that says what the last preset, undo or redo did. */
    public Label messageLabel() {
        return message;
    }

    private void rebuild() {
        byName.clear();
        rows.getChildren().clear();
        for (Cut c : model.cuts()) {
            CutRow r = new CutRow(model, c);
            byName.put(c.name(), r);
            rows.getChildren().add(r);
            r.showNMinusOne(model.nMinusOne(c.name()));
        }
        showName();
    }
}
