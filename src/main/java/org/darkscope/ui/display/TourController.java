package org.darkscope.ui.display;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.darkscope.event.RunData;

/** Drives the teaching tour: next/back through the steps, picking each step's event. */
final class TourController {
    private final EventDisplayPane pane;
    private final TourPanel ui;
    private final TeachingTour.Step[] steps = TeachingTour.Step.values();
    private int index = -1;
    private Consumer<EventRef> onTourEvent = r -> {};
    private boolean updatingMasses;
    private EventRef tourEvent;
    private boolean showing;

    TourController(EventDisplayPane pane, TourPanel ui) {
        this.pane = pane;
        this.ui = ui;
        ui.next.setOnAction(e -> go(index + 1));
        ui.back.setOnAction(e -> go(index - 1));
        ui.back.setDisable(true);
        ui.mass.valueProperty().addListener((o, a, m) -> {
            if (!updatingMasses && index >= 0 && steps[index] == TeachingTour.Step.DARK_PHOTON) {
                go(index);
            }
        });
    }

    void setOnTourEvent(Consumer<EventRef> c) {
        onTourEvent = c == null ? r -> {} : c;
    }

    void runsChanged() {
        List<Double> masses = TeachingTour.signalMasses(pane.runs());
        if (masses.equals(ui.mass.getItems())) {
            return;
        }
        Double keep = ui.mass.getValue();
        updatingMasses = true;
        try {
            ui.mass.getItems().setAll(masses);
            if (keep != null && masses.contains(keep)) {
                ui.mass.setValue(keep);
            } else if (!masses.isEmpty()) {
                ui.mass.setValue(masses.get(0));
            }
        } finally {
            updatingMasses = false;
        }
    }

    /** Shows step {@code i} (0-based). */
    void go(int i) {
        if (i < 0 || i >= steps.length) {
            return;
        }
        index = i;
        TeachingTour.Step s = steps[i];
        double mass = ui.mass.getValue() == null ? Double.NaN : ui.mass.getValue();
        Optional<EventRef> ev = TeachingTour.pick(s, pane.runs(), mass, pane.model.box());
        // the text must describe the example shown (annihilation vs bremsstrahlung)
        TeachingTour.Text t = TeachingTour.text(TeachingTour.textId(s, ev.orElse(null)));
        ui.step.setText("step " + (i + 1) + " of " + steps.length);
        ui.title.setText(t.title());
        ui.body.setText(t.body());
        ui.back.setDisable(i == 0);
        ui.next.setText(i == steps.length - 1 ? "done" : "next \u25B6");
        ui.next.setDisable(i == steps.length - 1);
        ui.animation.show(null);
        if (s == TeachingTour.Step.ENERGY_PLANE) {
            tourEvent = null;
            ui.status.setText("Look at the plane beside the display: the hatched corner is the signal box.");
            return;
        }
        if (ev.isEmpty()) {
            tourEvent = null;
            ui.status.setText("no event of this kind in the loaded runs: load a simulated run with this class");
            return;
        }
        EventRef r = ev.get();
        RunData run = r.run();
        tourEvent = r;
        showing = true;
        try {
            if (run != pane.run()) {
                pane.setRun(run);
            }
            pane.showEvent(r.index());
        } finally {
            showing = false;
        }
        if (s == TeachingTour.Step.DARK_PHOTON) {
            // the recoil shower growing through the ECAL depth, the A' leaving unseen
            ui.animation.show(ShowerProfile.of(run, r.index()));
        }
        String massText = run.info().isSignal()
                ? String.format(", m_A' = %.4g MeV", run.info().signalMassMeV())
                : "";
        ui.status.setText("showing " + r + " of " + run.displayName() + massText
                + String.format(": E_ECAL %.1f GeV, E_HCAL %.2f GeV", r.ecal(), r.hcal()));
        onTourEvent.accept(r);
    }

    int index() {
        return index;
    }

    /** The dark-photon step's animation. */
    ShowerAnimation animation() {
        return ui.animation;
    }

    /** Appends a note to the step's status line. */
    void note(String text) {
        if (index >= 0 && text != null && !text.isEmpty()) {
            ui.status.setText(ui.status.getText() + "\n" + text);
        }
    }

    /** Leaves the tour: its text is cleared and the panel offers to start again. */
    void leave() {
        if (index < 0) {
            return;
        }
        index = -1;
        tourEvent = null;
        ui.animation.show(null);
        ui.step.setText("");
        ui.title.setText("Teaching tour");
        ui.body.setText("Press 'start' to walk through the energy plane and five typical events.");
        ui.status.setText("");
        ui.back.setDisable(true);
        ui.next.setDisable(false);
        ui.next.setText("start \u25B6");
    }

    /** Any event shown that is not the tour's own ends the tour (its text would describe another event). */
    void eventShown(RunData run, int row) {
        if (index >= 0 && tourEvent != null && !showing && (tourEvent.run() != run || tourEvent.index() != row)) {
            leave();
        }
    }
}
