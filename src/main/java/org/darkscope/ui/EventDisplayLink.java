package org.darkscope.ui;

import javafx.application.Platform;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Cut;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.RunResult;
import org.darkscope.analysis.Selection;
import org.darkscope.event.RunData;
import org.darkscope.io.RunFiles;
import org.darkscope.session.OpenRun;
import org.darkscope.session.Session;
import org.darkscope.session.SessionListener;
import org.darkscope.ui.display.EventDisplayPane;
import org.darkscope.ui.display.EventRef;
import org.darkscope.ui.shell.MainViewModel;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins the 3D event display to the workbench, so a cut, the plane, the event list and the 3D view
 * form one loop:
 * <ul>
 *   <li>the data run (and the signal/background MC runs) open in the display;</li>
 *   <li>a point picked in the plane or a row picked in the event table shows that event in 3D;</li>
 *   <li>the event shown in 3D (navigation, tour) is ringed in the plane;</li>
 *   <li>every analysis result gives the display its browse lists (passing the selection, per region;
 *       the box only once unblinded), the live box edges and the names of the cuts an event fails.</li>
 * </ul>
 */
public final class EventDisplayLink {
    /** Browse-list names offered in the display, in the order shown. */
    public static final String PASSING = "passing selection";

    private final Workbench workbench;
    private final EventDisplayPane display;
    private boolean showingPicked;
    private RunData listsShownFor;

    private EventDisplayLink(Workbench workbench, EventDisplayPane display) {
        this.workbench = workbench;
        this.display = display;
    }

    /** Creates the display, puts it into the window's right slot and wires it. */
    public static EventDisplayLink attach(Workbench workbench) {
        EventDisplayPane display = new EventDisplayPane();
        display.setRunLoader(RunFiles::read);
        workbench.window().setEventDisplay(display);
        EventDisplayLink link = new EventDisplayLink(workbench, display);
        link.wire();
        return link;
    }

    public EventDisplayPane display() {
        return display;
    }

    private MainViewModel model() {
        return workbench.model();
    }

    private Session session() {
        return model().session();
    }

    private void wire() {
        model().dataRunProperty().addListener((o, a, run) -> showRuns());
        session().addListener(new SessionListener() {
            @Override
            public void runsChanged(Session s) {
                onFx(EventDisplayLink.this::addOtherRuns);
            }

            @Override
            public void resultChanged(Session s) {
                onFx(EventDisplayLink.this::applyResult);
            }

            @Override
            public void blindingChanged(Session s) {
                onFx(EventDisplayLink.this::applyResult);
            }
        });
        // plane pick or table row -> that event in 3D
        model().pickedEventProperty().addListener((o, a, ev) -> {
            if (ev != null && !showingPicked) {
                showingPicked = true;
                try {
                    display.showEvent(new EventRef(ev.run(), ev.index()));
                } finally {
                    showingPicked = false;
                }
            }
        });
        // the event in 3D (navigation, tour, pick) -> ringed in the plane
        display.setOnEventShown(ref -> workbench.planeView().highlight(
                ref == null ? null : new double[] {ref.ecal(), ref.hcal()}));
        display.setOnTourEvent(ref -> {
            if (ref != null) {
                workbench.planeView().highlight(new double[] {ref.ecal(), ref.hcal()});
                model().setStatus(String.format(java.util.Locale.ROOT, "tour: event %d of %s at E_ECAL %.1f, E_HCAL %.2f GeV",
                        ref.eventNumber(), ref.run().displayName(), ref.ecal(), ref.hcal()));
            }
        });
        display.setFailingCutsSupplier(this::failingCuts);
        showRuns();
    }

    /** Shows the data run and offers the other open runs in the display's run choice. */
    private void showRuns() {
        RunData data = model().dataRunProperty().get();
        if (data != null && display.run() != data) {
            display.setRun(data);
        }
        addOtherRuns();
        applyResult();
    }

    private void addOtherRuns() {
        if (display.run() == null) {
            RunData first = session().runs().stream().map(OpenRun::data).findFirst().orElse(null);
            if (first != null) {
                display.setRun(first);
            }
        }
        for (OpenRun r : session().runs()) {
            if (!display.runs().contains(r.data())) {
                display.addRun(r.data());
            }
        }
    }

    /** Browse lists, live box edges from the latest result. */
    private void applyResult() {
        Selection sel = session().selection();
        if (sel != null) {
            display.setBoxEdges(sel.box().ecalMax(), sel.box().hcalMax());
        }
        AnalysisResult result = session().result();
        RunData run = display.run();
        if (result == null || run == null) {
            return;
        }
        RunResult rr = result.runs().stream().filter(r -> r.run() == run).findFirst().orElse(null);
        if (rr == null) {
            return;
        }
        // the engine decides blinding per run: a hidden box's events are in none of its lists
        java.util.Map<String, int[]> lists = new java.util.LinkedHashMap<>();
        lists.put(PASSING, rr.selectedEvents());
        for (Region region : List.of(Region.A, Region.C, Region.D, Region.BOX)) {
            if (region == Region.BOX && rr.boxHidden()) {
                continue;
            }
            lists.put("selected, " + region.label(), rr.eventsInRegion(region));
        }
        display.setBrowseLists(lists);
        if (listsShownFor != run) {
            // a new data run: browse the selected events first (the user's later choice is kept)
            listsShownFor = run;
            display.selectFilter("list: " + PASSING);
        }
    }

    /** Names of the enabled cuts the event fails (for the display's summary). */
    private List<String> failingCuts(int index) {
        RunData run = display.run();
        Selection sel = session().selection();
        List<String> failed = new ArrayList<>();
        if (run == null || sel == null || index < 0 || index >= run.size()) {
            return failed;
        }
        for (Cut c : sel.enabledCuts()) {
            for (String col : c.columns(run::has)) {
                if (!c.passes(run.value(col, index))) {
                    failed.add(c.name());
                    break;
                }
            }
        }
        return failed;
    }

    private static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
