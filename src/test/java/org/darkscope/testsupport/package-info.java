/**
 * What tests share: run fixtures ({@link org.darkscope.testsupport.RunFixtures} for runs placed
 * exactly in the plane and shared simulated runs, {@link org.darkscope.testsupport.ClassMixRuns}
 * for runs with a class mix derived from cells, {@link org.darkscope.testsupport.SidebandRuns} for
 * runs the sideband fits describe), the TestFX start-up ({@link org.darkscope.testsupport.FxTestBase}),
 * the console capture of command-line tests ({@link org.darkscope.testsupport.ConsoleCapture}) and
 * isolated preferences ({@link org.darkscope.session.UserPreferences#inMemory()},
 * {@link org.darkscope.session.RecentRuns#inMemory()}). New tests use these instead of writing their
 * own builders. Still per package: {@code io.TestRuns} (runs with odd columns for the reader tests),
 * {@code sim.TestRuns}, {@code report.ReportTestRuns} (evaluations of ClassMixRuns) and
 * {@code ui.display.SyntheticRuns} (event-display runs with cell patterns).
 */
package org.darkscope.testsupport;
