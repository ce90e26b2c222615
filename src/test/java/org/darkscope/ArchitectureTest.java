package org.darkscope;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering of design.md: the core runs headless (CLI, tests, distributed jobs), so nothing
 * outside {@code ui} touches JavaFX, and the physics packages never touch file libraries or the UI.
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
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.darkscope.ui..")
                .and().doNotHaveFullyQualifiedName("org.darkscope.Launcher")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.fair_acc..", "org.fxyz3d..");
        rule.check(classes);
    }

    @Test
    void launcherOnlyDelegatesToTheUi() {
        // The launcher may name the application class, but must not use JavaFX itself.
        noClasses().that().haveFullyQualifiedName("org.darkscope.Launcher")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(classes);
    }

    @Test
    void physicsAndAnalysisStayFreeOfFilesAndUi() {
        noClasses().that().resideInAnyPackage("org.darkscope.sim..", "org.darkscope.analysis..",
                        "org.darkscope.event..", "org.darkscope.geometry..", "org.darkscope.session..",
                        "org.darkscope.report..")
                .should().dependOnClassesThat().resideInAnyPackage("org.darkscope.io..", "org.darkscope.ui..",
                        "org.darkscope.cli..", "org.apache.parquet..", "org.apache.hadoop..")
                .check(classes);
    }

    @Test
    void onlyTheCommandLinePrintsToTheConsole() {
        noClasses().that().resideOutsideOfPackage("org.darkscope.cli..")
                .and().doNotHaveFullyQualifiedName("org.darkscope.Launcher")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(classes);
    }
}
