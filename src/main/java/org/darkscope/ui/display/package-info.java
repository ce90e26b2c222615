/**
 * The event display: one self-contained pane, {@link org.darkscope.ui.display.EventDisplayPane},
 * to embed in the main window.
 *
 * <pre>{@code
 * EventDisplayPane display = new EventDisplayPane();
 * display.setRunLoader(RunFiles::read);                 // for "follow a directory"
 * display.setRun(run);                                  // builds the 3D scene once per geometry
 * display.showEvent(row);                               // or showEvent(new EventRef(run, row))
 * display.currentEventProperty().addListener(...);      // follow the shown event
 * display.setBrowseList("passing selection", rows);     // lists from the analysis engine
 * display.setResults(result.runs());                    // engine lists, failed cuts, blinding
 * display.setBox(selection.box());                      // SignalBox: regions, alerts
 * display.setBlinding(run -> hidden ? box : null);      // for runs without a result
 * display.setOnTourEvent(ref -> plane.highlight(ref));  // tour step -> point in the energy plane
 * Image png = display.snapshotView(2.0);
 * }</pre>
 *
 * <p>Plain logic without scene nodes: {@link org.darkscope.ui.display.EnergyScale},
 * {@link org.darkscope.ui.display.ZMapping}, {@link org.darkscope.ui.display.DisplayModel},
 * {@link org.darkscope.ui.display.ShiftAlerts},
 * {@link org.darkscope.ui.display.EventNavigator}, {@link org.darkscope.ui.display.CellAccumulation},
 * {@link org.darkscope.ui.display.TeachingTour}, and the package-private BrowseLists, EventJump
 * and ShowerProfile (the tour animation's GFLASH profile);
 * and io's DirectoryWatcher for live follow. Colour maps: resources/colormaps/; tour texts:
 * resources/tour/.</p>
 *
 * <p>Standalone demo (test sources) and benchmark ({@code src/bench/java}, compiled by
 * {@code mvn -Pbench test-compile}, which writes the class path to {@code target/bench.classpath}),
 * under Xvfb for real 3D: {@code xvfb-run -a -s "-screen 0 1600x1000x24" java -Dprism.forceGPU=true
 * -cp target/classes:target/test-classes:$(cat target/bench.classpath)
 * 'org.darkscope.ui.display.DisplayDemo$Main' [run.parquet ...]} (options as -Ddemo.* properties,
 * see DisplayDemo), and {@code 'org.darkscope.ui.display.DisplayBenchmark$Main'}.</p>
 */
package org.darkscope.ui.display;
