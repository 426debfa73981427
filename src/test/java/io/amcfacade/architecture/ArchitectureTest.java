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
 * Package rules for the audit trail: its packages free of cycles, layered storage → integrity → trail →
 * maintenance. (The rule is not applied to every package yet: {@code ratelimit} ↔ {@code resilience}
 * and {@code sandbox} ↔ {@code security} still depend on each other.)
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.amcfacade");

    /** One slice per audit package, the top-level one included. */
    private static final SliceAssignment AUDIT_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.equals("io.amcfacade.audit") || name.startsWith("io.amcfacade.audit.") ? SliceIdentifier.of(name)
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the audit packages";
        }
    };

    @Test
    void theAuditPackagesHaveNoCycles() {
        slices().assignedFrom(AUDIT_PACKAGES).should().beFreeOfCycles().check(CLASSES);
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
