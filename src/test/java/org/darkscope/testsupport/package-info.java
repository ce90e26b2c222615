/**
 * What tests share: run fixtures ({@link org.darkscope.testsupport.RunFixtures} for runs placed
 * exactly in the plane and shared simulated runs, {@link org.darkscope.testsupport.ClassMixRuns}
 * for runs with a class mix derived from cells, {@link org.darkscope.testsupport.SidebandRuns} for
 * runs the sideband fits describe, {@link org.darkscope.testsupport.ReportRuns} for the report
 * tests' evaluated runs, {@link org.darkscope.testsupport.RandomColumnRuns} for runs with random
 * values in every column (reader round trips), {@link org.darkscope.testsupport.DisplayRuns} for
 * event-display runs with recognisable cell patterns; {@link org.darkscope.testsupport.SampleStats}
 * for medians and quantiles), the TestFX start-up ({@link org.darkscope.testsupport.FxTestBase}),
 * the console capture of command-line tests ({@link org.darkscope.testsupport.ConsoleCapture}) and
 * isolated preferences ({@link org.darkscope.session.UserPreferences#inMemory()},
 * {@link org.darkscope.session.RecentRuns#inMemory()}). New tests use these instead of writing their
 * own builders.
 */
package org.darkscope.testsupport;
