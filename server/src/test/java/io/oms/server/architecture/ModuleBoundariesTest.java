package io.oms.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of docs/architecture.md, enforced on the compiled classes. Above all, workflow code
 * is deterministic: no Spring, JDBC, sockets, wall clock, randomness or threads outside Temporal's APIs.
 */
class ModuleBoundariesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.oms");
    }

    @Test
    void workflowsUseNoSpringJdbcSocketsOrOtherModules() {
        noClasses().that().resideInAPackage("io.oms.workflows..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                        "java.net..", "java.nio.channels..", "java.io..", "io.oms.ib..", "io.oms.infra..",
                        "io.oms.activities..", "io.oms.api..", "io.oms.worker..", "io.oms.server..")
                .check(classes);
    }

    @Test
    void workflowsUseOnlyTemporalsClockRandomnessAndThreads() {
        noClasses().that().resideInAPackage("io.oms.workflows..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(UUID.class, "randomUUID")
                .orShould().callConstructor(Random.class)
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
                .orShould().dependOnClassesThat().resideInAPackage("java.util.concurrent..")
                .check(classes);
    }

    @Test
    void ibModuleIsFreeOfSpringAndOfTheRestOfTheSystem() {
        noClasses().that().resideInAPackage("io.oms.ib..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.temporal..",
                        "io.oms.workflows..", "io.oms.infra..", "io.oms.activities..", "io.oms.api..", "io.oms.worker..")
                .check(classes);
    }

    @Test
    void apiDrivesWorkflowsOnlyThroughTheClientAndNeverTouchesTheBroker() {
        noClasses().that().resideInAPackage("io.oms.api..")
                .should().dependOnClassesThat().resideInAnyPackage("io.oms.ib..", "io.oms.activities..", "io.oms.worker..",
                        "io.temporal.worker..", "io.temporal.activity..")
                .check(classes);
    }

    @Test
    void infraKnowsNothingOfWorkflowsActivitiesApiOrWorker() {
        noClasses().that().resideInAPackage("io.oms.infra..")
                .should().dependOnClassesThat().resideInAnyPackage("io.oms.workflows..", "io.oms.activities..",
                        "io.oms.api..", "io.oms.worker..")
                .check(classes);
    }
}
