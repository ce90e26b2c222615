package org.darkscope.ui.display;

import javafx.scene.control.Label;
import org.darkscope.geometry.Cell;
import org.darkscope.geometry.Element;

/** Hovering and clicking cells or detector parts in 3D and in the cell maps: highlight and text. */
final class Picking {
    private final DisplayModel model;
    private final DetectorView3D view3d;
    private final CellMapPanel cellMap;
    private final Label pickLabel;
    private int pickedCell = -1;

    Picking(DisplayModel model, DetectorView3D view3d, CellMapPanel cellMap, Label pickLabel) {
        this.model = model;
        this.view3d = view3d;
        this.cellMap = cellMap;
        this.pickLabel = pickLabel;
        view3d.setOnCellHover(this::hover);
        cellMap.setOnCellHover(this::hover);
        view3d.setOnCellClick(this::pickCell);
        cellMap.setOnCellClick(this::pickCell);
        view3d.setOnElementClick(this::pickElement);
    }

    void hover(int index) {
        view3d.highlightCell(index);
        cellMap.highlight(index);
        if (index >= 0) {
            pickedCell = index;
            update();
        }
    }

    /** A click pins the cell and adds the summary of its subdetector. */
    private void pickCell(int index) {
        hover(index);
        int e = model.currentEvent();
        if (index >= 0 && model.run() != null && e >= 0 && model.mode() == DisplayMode.EVENT) {
            Cell c = model.run().detector().cells().get(index);
            Element el = model.run().detector().element(c.layer().elementName());
            pickLabel.setText(pickLabel.getText() + "\n" + PickText.element(model.run(), e, el));
        }
    }

    private void pickElement(Element el) {
        if (model.run() == null || model.currentEvent() < 0) {
            return;
        }
        pickedCell = -1;
        pickLabel.setText(PickText.element(model.run(), model.currentEvent(), el));
        pickLabel.setVisible(true);
    }

    /** Refreshes the text of the pinned cell for the event or accumulation now shown. */
    void update() {
        if (model.run() == null || pickedCell < 0 || model.currentEvent() < 0) {
            return;
        }
        Cell c = model.run().detector().cells().get(pickedCell);
        pickLabel.setText(
                model.mode() != DisplayMode.EVENT && model.accumulation() != null
                        ? PickText.accumulated(model.accumulation(), c)
                        : PickText.cell(model.run(), model.currentEvent(), c));
        pickLabel.setVisible(true);
    }
}
