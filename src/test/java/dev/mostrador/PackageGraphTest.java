package dev.mostrador;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.mostrador.rewards.RewardsModule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Imports run down: features over {@code platform/}, never the reverse, and no two packages lean
 * on each other. Generated code ({@code db} from jOOQ, {@code templates} from jte) is left out:
 * its classes are not ours to arrange.
 */
class PackageGraphTest {
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.mostrador");
    private static final DescribedPredicate<JavaClass> GENERATED = resideInAnyPackage("dev.mostrador.db..", "dev.mostrador.templates..");

    @Test
    void platformKnowsNoFeature() {
        noClasses().that().resideInAPackage("dev.mostrador.platform..")
                .should().dependOnClassesThat(resideInAPackage("dev.mostrador..")
                        .and(not(resideInAnyPackage("dev.mostrador.platform..")))
                        .and(not(GENERATED)))
                .because("platform/ is the floor every feature stands on")
                .check(MAIN);
    }

    @Test
    void noRewardsRoomReachesForTheModule() {
        noClasses().that().resideInAPackage("dev.mostrador.rewards..").and().doNotBelongToAnyOf(RewardsModule.class)
                .should().dependOnClassesThat().belongToAnyOf(RewardsModule.class)
                .because("the module only wires: each class is handed its collaborators in its constructor")
                .check(MAIN);
    }

    @Test
    void customersKnowNoRewards() {
        noClasses().that().resideInAPackage("dev.mostrador.customers..")
                .should().dependOnClassesThat().resideInAPackage("dev.mostrador.rewards..")
                .because("rewards, orders and visits build on customers; what rewards show on a customer's page is handed in")
                .check(MAIN);
    }

    @Test
    void onlyTheEntryPointKnowsTheEntryPoint() {
        noClasses().that().resideOutsideOfPackage("dev.mostrador")
                .should().dependOnClassesThat().resideInAPackage("dev.mostrador")
                .because("App and Main wire every feature: whatever they hold is reachable from nowhere else")
                .check(MAIN);
    }

    @Test
    void noPackageLeansOnAnotherThatLeansBack() {
        slices().matching("dev.mostrador.(**)")
                .should().beFreeOfCycles()
                .ignoreDependency(alwaysTrue(), GENERATED)
                .check(MAIN);
    }
}
