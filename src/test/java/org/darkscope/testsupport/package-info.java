/**
 * What tests share: run fixtures ({@link org.darkscope.testsupport.RunFixtures}), the TestFX
 * start-up ({@link org.darkscope.testsupport.FxTestBase}) and an isolated preferences store
 * ({@link org.darkscope.session.RecentRuns#inMemory()}). New tests use these instead of writing
 * their own builders; the older per-package builders ({@code session.SyntheticRuns},
 * {@code analysis.SyntheticRuns}, {@code io.TestRuns}, {@code sim.TestRuns},
 * {@code session.SidebandRuns}, {@code ui.display.SyntheticRuns}) are to be folded in here.
 */
package org.darkscope.testsupport;
