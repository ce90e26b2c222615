package org.darkscope.ui.display;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The display's model and its plain-logic helpers use no toolkit, so they are tested (and reusable) without JavaFX. */
class DisplayModelToolkitFreeTest {
    @Test
    void theModelAndItsHelpersUseNoJavaFx() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.darkscope.ui.display");
        noClasses()
                .that()
                .haveSimpleNameStartingWith("DisplayModel")
                .or()
                .haveSimpleNameStartingWith("ShiftAlerts")
                .or()
                .haveSimpleName("BrowseFilter")
                .or()
                .haveSimpleName("EventNavigator")
                .or()
                .haveSimpleName("EventRef")
                .or()
                .haveSimpleName("CellAccumulation")
                .or()
                .haveSimpleName("TeachingTour")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..")
                .check(classes);
    }
}
