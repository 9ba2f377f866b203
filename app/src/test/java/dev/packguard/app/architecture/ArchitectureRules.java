package dev.packguard.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The module layering of docs/ARCHITECTURE.md as ArchUnit rules, each with its reason. Package
 * roots: {@code dev.packguard.scanner} (scanner/), {@code dev.packguard.ledger} (ledger-client/),
 * {@code dev.packguard.node} (ledger-node/), {@code dev.packguard.app} (app/).
 */
final class ArchitectureRules {
    static final ArchRule CORE_HAS_NO_JAVAFX = noClasses()
            .that().resideInAnyPackage("dev.packguard.scanner..", "dev.packguard.ledger..", "dev.packguard.node..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("scanner, ledger-client and ledger-node run headless on servers and in the CLI, "
                    + "and must be testable without a display; only app/ may use JavaFX");

    static final ArchRule LEDGER_CLIENT_STANDS_ALONE = noClasses()
            .that().resideInAPackage("dev.packguard.ledger..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.packguard.scanner..", "dev.packguard.app..", "dev.packguard.node..")
            .because("ledger-client is the verified mirror and the rules; it receives parsed "
                    + "identifiers and must not know how they were scanned, shown or served");

    static final ArchRule SCANNER_STANDS_ALONE = noClasses()
            .that().resideInAPackage("dev.packguard.scanner..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.packguard.ledger..", "dev.packguard.app..", "dev.packguard.node..")
            .because("scanner turns codes into identifiers and nothing else; it is reusable "
                    + "without the ledger");

    static final ArchRule NOTHING_DEPENDS_ON_APP = noClasses()
            .that().resideOutsideOfPackage("dev.packguard.app..")
            .and().resideInAPackage("dev.packguard..")
            .should().dependOnClassesThat().resideInAPackage("dev.packguard.app..")
            .because("app is the top of the graph: the station and CLI compose the libraries, "
                    + "never the other way round");

    static final ArchRule STATION_WORKFLOWS_HAVE_NO_JAVAFX = noClasses()
            .that().resideInAPackage("dev.packguard.app.station..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.packguard.app.gui..")
            .because("the station workflows (packing, quarantine, audit, input) hold the decisions; they are "
                    + "tested without a display and must not depend on how they are shown");

    static final List<ArchRule> ALL = List.of(
            CORE_HAS_NO_JAVAFX, LEDGER_CLIENT_STANDS_ALONE, SCANNER_STANDS_ALONE, NOTHING_DEPENDS_ON_APP,
            STATION_WORKFLOWS_HAVE_NO_JAVAFX);

    private ArchitectureRules() {
    }
}
