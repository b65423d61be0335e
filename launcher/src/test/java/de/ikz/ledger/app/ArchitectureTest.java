package de.ikz.ledger.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/** Keeps the published language and the domain free of frameworks, and the two sides apart. */
class ArchitectureTest {

    static final JavaClasses LEDGER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("de.ikz.ledger");

    @Test
    void thePublishedLanguageDependsOnNoFrameworkButAxonAnnotationsAndJackson() {
        noClasses()
                .that()
                .resideInAPackage("de.ikz.ledger.api..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "com.mongodb..",
                        "jakarta.persistence..",
                        "de.ikz.ledger.platform..",
                        "de.ikz.ledger.command..",
                        "de.ikz.ledger.query..")
                .check(LEDGER);
    }

    @Test
    void theDomainOfTheCommandSideKnowsNoSpringNoMongoAndNoWeb() {
        noClasses()
                .that()
                .resideInAnyPackage("de.ikz.ledger.command.domain..")
                .or()
                .areAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class)
                .or()
                .haveSimpleNameStartingWith("AgreementRules")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "com.mongodb..",
                        "de.ikz.ledger.platform..",
                        "..web..",
                        "jakarta.servlet..")
                .check(LEDGER);
    }

    @Test
    void theCommandSideAndTheQuerySideDoNotDependOnEachOther() {
        noClasses()
                .that()
                .resideInAPackage("de.ikz.ledger.command..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("de.ikz.ledger.query..")
                .check(LEDGER);
        noClasses()
                .that()
                .resideInAPackage("de.ikz.ledger.query..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("de.ikz.ledger.command..")
                .check(LEDGER);
    }

    @Test
    void controllersArePackagePrivate() {
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .notBePublic()
                .check(LEDGER);
    }
}
