package io.amcfacade.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * Package rules for the whole house: no two packages under {@code io.amcfacade} depend on each other, whether
 * counted package by package or feature by feature (a feature with its sub-packages); the simulator is a guest
 * that may use the facade, never the other way round; and the audit trail is layered storage → integrity →
 * trail → maintenance. A cycle is broken by moving the shared piece down, never by an exception here.
 */
class ArchitectureTest {

    private static final String ROOT = "io.amcfacade";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    /** One slice per top-level package with everything under it ({@code access} holds {@code access.reconcile}). */
    private static final SliceAssignment FEATURES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (!name.startsWith(ROOT + ".")) {
                return SliceIdentifier.ignore();
            }
            String feature = name.substring(ROOT.length() + 1);
            int dot = feature.indexOf('.');
            return SliceIdentifier.of(dot < 0 ? feature : feature.substring(0, dot));
        }

        @Override
        public String getDescription() {
            return "the features under " + ROOT;
        }
    };

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching(ROOT + ".(**)").namingSlices("$1").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void noTwoFeaturesDependOnEachOther() {
        slices().assignedFrom(FEATURES).should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void nothingOutsideTheSimulatorDependsOnIt() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".sandbox..").should().dependOnClassesThat()
                .resideInAPackage(ROOT + ".sandbox..").check(CLASSES);
    }

    @Test
    void storageIsAtTheBottomAndMaintenanceAtTheTop() {
        noClasses().that().resideInAPackage("io.amcfacade.audit.storage..").should().dependOnClassesThat()
                .resideInAnyPackage("io.amcfacade.audit", "io.amcfacade.audit.integrity..", "io.amcfacade.audit.maintenance..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.amcfacade.audit.integrity..").should().dependOnClassesThat()
                .resideInAnyPackage("io.amcfacade.audit", "io.amcfacade.audit.maintenance..").check(CLASSES);
        noClasses().that().resideInAPackage("io.amcfacade.audit").should().dependOnClassesThat()
                .resideInAPackage("io.amcfacade.audit.maintenance..").check(CLASSES);
    }
}
