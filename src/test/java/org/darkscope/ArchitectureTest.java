package org.darkscope;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md#packages: the core runs headless (CLI, tests, distributed
 * jobs), so nothing outside {@code ui} touches JavaFX, the core packages never touch file libraries
 * or the UI, the packages form no cycles, and all code logs through one API.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.darkscope");
    }

    @Test
    void nothingOutsideUiUsesJavaFx() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackage("org.darkscope.ui..")
                .and()
                .doNotHaveFullyQualifiedName("org.darkscope.Launcher")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "io.fair_acc..", "org.fxyz3d..");
        rule.check(classes);
    }

    @Test
    void launcherOnlyDelegatesToTheUi() {
        // The launcher may name the application class, but must not use JavaFX itself.
        noClasses()
                .that()
                .haveFullyQualifiedName("org.darkscope.Launcher")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..")
                .check(classes);
    }

    @Test
    void physicsAndAnalysisStayFreeOfFilesAndUi() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.darkscope.sim..",
                        "org.darkscope.analysis..",
                        "org.darkscope.event..",
                        "org.darkscope.geometry..",
                        "org.darkscope.session..",
                        "org.darkscope.task..",
                        "org.darkscope.dq..",
                        "org.darkscope.report..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.darkscope.io..",
                        "org.darkscope.ui..",
                        "org.darkscope.cli..",
                        "org.apache.parquet..",
                        "org.apache.hadoop..")
                .check(classes);
    }

    @Test
    void onlyTheCommandLinePrintsToTheConsole() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.darkscope.cli..")
                .and()
                .doNotHaveFullyQualifiedName("org.darkscope.Launcher")
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .check(classes);
    }

    @Test
    void taskDependsOnNothingElseOfOurs() {
        // progress and cancel are used by every layer, so they may use none
        noClasses()
                .that()
                .resideInAPackage("org.darkscope.task..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("org.darkscope.task..", "java..")
                .check(classes);
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("org.darkscope.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void subPackagesHaveNoCyclesExceptChildToParent() {
        // Allowed: a sub-package using its parent's types (analysis.background takes analysis.SignalBox
        // while analysis holds the background results; sim.process and sim.response use sim's config
        // and records). Any other cycle, e.g. between two ui views, fails.
        slices().matching("org.darkscope.(**)")
                .should()
                .beFreeOfCycles()
                .ignoreDependency(
                        resideInAPackage("org.darkscope.analysis.background"),
                        resideInAPackage("org.darkscope.analysis"))
                .ignoreDependency(resideInAPackage("org.darkscope.sim.process"), resideInAPackage("org.darkscope.sim"))
                .ignoreDependency(resideInAPackage("org.darkscope.sim.response"), resideInAPackage("org.darkscope.sim"))
                .check(classes);
    }

    /**
     * The engine and the session as a view may not see them: everything in {@code session} (the
     * session, its listeners, schedulers, executors) and every class of {@code analysis} that is not
     * a plain value (records and enums such as {@code Variable}, {@code Region} or {@code ShapeFit}
     * may be shown; {@code AnalysisEngine}, {@code AnalysisResult}, {@code RunResult}, fitters and
     * calculators may not). {@code session.report}'s summary lines are presentation values.
     */
    private static final DescribedPredicate<JavaClass> ENGINE_TYPES = DescribedPredicate.describe(
            "session or analysis engine types",
            c -> c.getPackageName().equals("org.darkscope.session")
                    || (c.getPackageName().startsWith("org.darkscope.analysis")
                            && !c.isRecord()
                            && !c.isEnum()
                            && !c.isAssignableTo(Throwable.class)));

    /**
     * Views known not to comply yet, each being moved to a view model by its own work item; remove
     * an entry when its view talks only to its view model.
     */
    private static final java.util.List<String> VIEWS_NOT_YET_ON_A_VIEW_MODEL = java.util.List.of();

    @Test
    void viewsTalkOnlyToTheirViewModel() {
        // a view draws what its view model holds (tested without the toolkit); the view model alone
        // reads the session and the engine's results
        noClasses()
                .that()
                .resideInAPackage("org.darkscope.ui..")
                .and()
                .haveSimpleNameEndingWith("View")
                .and(DescribedPredicate.describe(
                        "are not listed as not yet on a view model",
                        c -> !VIEWS_NOT_YET_ON_A_VIEW_MODEL.contains(c.getName())))
                .should()
                .dependOnClassesThat(ENGINE_TYPES)
                .check(classes);
        noClasses()
                .that()
                .haveFullyQualifiedName("org.darkscope.ui.results.ResultsPanel")
                .should()
                .dependOnClassesThat(ENGINE_TYPES)
                .check(classes);
    }

    @Test
    void preferencesOnlyThroughUserPreferences() {
        // so that -Ddarkscope.prefs.memory=true keeps every test (and demo) off the user's store
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("org.darkscope.session.UserPreferences")
                .should()
                .callMethod(java.util.prefs.Preferences.class, "userRoot")
                .orShould()
                .callMethod(java.util.prefs.Preferences.class, "userNodeForPackage", Class.class)
                .check(classes);
        JavaClasses tests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("org.darkscope");
        noClasses()
                .should()
                .callMethod(java.util.prefs.Preferences.class, "userRoot")
                .because("tests take UserPreferences.inMemory() or RecentRuns.inMemory()")
                .check(tests);
    }

    @Test
    void oneLoggingApi() {
        // System.Logger everywhere; LoggingConfig alone configures java.util.logging, where it ends up
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("org.darkscope.LoggingConfig")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "java.util.logging..",
                        "org.slf4j..",
                        "org.apache.log4j..",
                        "org.apache.logging..",
                        "org.apache.commons.logging..")
                .check(classes);
    }
}
