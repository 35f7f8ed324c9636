package dev.tollgate.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hexagon's dependency rule: bootstrap → adapters → application → domain, and never the other way. */
class DependencyRuleTest {

    private static JavaClasses tollgate;

    @BeforeAll
    static void importClasses() {
        tollgate = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tollgate");
    }

    @Test
    void domainIsPureJava() {
        classes().that().resideInAPackage("dev.tollgate.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.tollgate.domain..", "java..")
                .check(tollgate);
    }

    @Test
    void applicationDependsOnTheDomainAndJakartaInjectOnly() {
        classes().that().resideInAPackage("dev.tollgate.application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "dev.tollgate.application..", "dev.tollgate.domain..", "jakarta.inject..", "java..")
                .check(tollgate);
    }

    @Test
    void adaptersDoNotReachTheBootstrap() {
        noClasses().that().resideInAPackage("dev.tollgate.adapters..")
                .should().dependOnClassesThat().resideInAPackage("dev.tollgate.bootstrap..")
                .check(tollgate);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        for (String adapter : new String[] {"rest", "persistence", "crypto"}) {
            noClasses().that().resideInAPackage("dev.tollgate.adapters." + adapter + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others(adapter))
                    .check(tollgate);
        }
    }

    private static String[] others(String adapter) {
        return java.util.stream.Stream.of("rest", "persistence", "crypto")
                .filter(a -> !a.equals(adapter))
                .map(a -> "dev.tollgate.adapters." + a + "..")
                .toArray(String[]::new);
    }
}
