package io.amcfacade.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Arrays;
import java.util.stream.Stream;

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
 * that may use the facade, never the other way round; features use the audit trail only through its published
 * API and its query port; and the audit's jobs (storage, integrity with sealing and verifying, recording, query,
 * export, the published API, maintenance) depend one way. A cycle is broken by moving the shared piece down,
 * never by an exception here.
 */
class ArchitectureTest {

    private static final String ROOT = "io.amcfacade";
    private static final String AUDIT = ROOT + ".audit";
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

    /**
     * Features reach the audit trail through its published API ({@code audit}: {@code @Audited},
     * {@code AuditTrail}, {@code SystemActions}, the vocabulary) and its query port ({@code audit.query}),
     * never through how it records, seals or stores. The console also downloads the export and runs verify,
     * the access-review pack is signed by the export's writer, and event delivery signs with the seal key and
     * keeps subscribers' secrets under a key derived from the service's secret ({@code audit.integrity}).
     */
    @Test
    void featuresUseTheAuditsPublishedApiAndItsQueryPort() {
        String[] published = { AUDIT, AUDIT + ".query" };
        onlyUsesOfTheAudit(published, ROOT + ".accounts..", ROOT + ".instances..", ROOT + ".invitations..",
                ROOT + ".users..", ROOT + ".manageraccounts..", ROOT + ".idempotency..", ROOT + ".access", ROOT + ".access.reconcile..",
                ROOT + ".access.store..");
        onlyUsesOfTheAudit(with(published, AUDIT + ".export"), ROOT + ".access.query..");
        onlyUsesOfTheAudit(with(published, AUDIT + ".export", AUDIT + ".integrity.verifying"), ROOT + ".console..");
        onlyUsesOfTheAudit(with(published, AUDIT + ".integrity"), ROOT + ".events..");
    }

    /**
     * The audit's jobs depend one way: storage at the bottom; the integrity pieces sealing and verifying
     * share on it; sealing under verifying; recording and query beside each other on those; export on
     * query; the published API on all of them; maintenance at the top.
     */
    @Test
    void theAuditsJobsDependOneWay() {
        String storage = AUDIT + ".storage..";
        String integrity = AUDIT + ".integrity";
        String sealing = AUDIT + ".integrity.sealing..";
        String verifying = AUDIT + ".integrity.verifying..";
        String recording = AUDIT + ".recording..";
        String query = AUDIT + ".query..";
        String export = AUDIT + ".export..";
        String maintenance = AUDIT + ".maintenance..";
        usesNone(storage, AUDIT, integrity, sealing, verifying, recording, query, export, maintenance);
        usesNone(integrity, AUDIT, sealing, verifying, recording, query, export, maintenance);
        usesNone(sealing, AUDIT, verifying, recording, query, export, maintenance);
        usesNone(verifying, AUDIT, recording, query, export, maintenance);
        usesNone(recording, AUDIT, query, export, sealing, verifying, maintenance);
        usesNone(query, AUDIT, recording, export, sealing, verifying, maintenance);
        usesNone(export, AUDIT, recording, verifying, maintenance);
        usesNone(AUDIT, maintenance);
    }

    private static void usesNone(String job, String... others) {
        noClasses().that().resideInAPackage(job).should().dependOnClassesThat().resideInAnyPackage(others).check(CLASSES);
    }

    private static void onlyUsesOfTheAudit(String[] allowed, String... users) {
        classes().that().resideInAnyPackage(users).should().onlyDependOnClassesThat(
                resideOutsideOfPackage(AUDIT + "..").or(resideInAnyPackage(allowed))).check(CLASSES);
    }

    private static String[] with(String[] packages, String... more) {
        return Stream.concat(Arrays.stream(packages), Arrays.stream(more)).toArray(String[]::new);
    }
}
