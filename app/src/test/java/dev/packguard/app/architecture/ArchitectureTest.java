package dev.packguard.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.packguard.ledger.archfixture.LedgerTouchingApp;
import dev.packguard.app.station.archfixture.StationUsingJavaFx;
import dev.packguard.scanner.archfixture.ScannerUsingJavaFx;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.packguard");
    }

    static Stream<ArchRule> rules() {
        return ArchitectureRules.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void productionCode_keepsLayering(ArchRule rule) {
        rule.allowEmptyShould(true).check(production);
    }

    @Test
    void productionImport_seesEveryModule() {
        assertThat(production.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.startsWith("dev.packguard.app"));
    }

    @Test
    void coreHasNoJavaFx_failsOnScannerImportingJavaFx() {
        EvaluationResult result = ArchitectureRules.CORE_HAS_NO_JAVAFX
                .evaluate(new ClassFileImporter().importClasses(ScannerUsingJavaFx.class));
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("ScannerUsingJavaFx", "javafx");
    }

    @Test
    void ledgerClientStandsAlone_failsOnLedgerUsingApp() {
        EvaluationResult result = ArchitectureRules.LEDGER_CLIENT_STANDS_ALONE
                .evaluate(new ClassFileImporter().importClasses(LedgerTouchingApp.class));
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("LedgerTouchingApp");
    }

    @Test
    void stationWorkflowsHaveNoJavaFx_failsOnAStationClassUsingJavaFx() {
        EvaluationResult result = ArchitectureRules.STATION_WORKFLOWS_HAVE_NO_JAVAFX
                .evaluate(new ClassFileImporter().importClasses(StationUsingJavaFx.class));
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("StationUsingJavaFx", "javafx");
    }

    @Test
    void nothingDependsOnApp_failsOnLedgerUsingApp() {
        EvaluationResult result = ArchitectureRules.NOTHING_DEPENDS_ON_APP
                .evaluate(new ClassFileImporter().importClasses(LedgerTouchingApp.class));
        assertThat(result.hasViolation()).isTrue();
    }
}
