package io.bedrockgateway.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The production code follows every rule, and every rule fails on the deliberate violations kept
 * under {@code io.bedrockgateway.bootstrap.architecture.violations}, so none of them passes
 * vacuously.
 */
class ArchitectureTest {
  private static final String ROOT = "io.bedrockgateway";
  private static final String VIOLATIONS = ROOT + ".bootstrap.architecture.violations";

  private static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ROOT);

  private static final JavaClasses VIOLATING = new ClassFileImporter().importPackages(VIOLATIONS);

  @Test
  void importsEveryModule() {
    Stream.of(
            ".domain.",
            ".application.port.in.",
            ".application.service.",
            ".adapter.http.",
            ".adapter.bedrock.",
            ".adapter.memory.",
            ".adapter.redis.",
            ".adapter.mongo.",
            ".adapter.metrics.",
            ".emulator.",
            ".bootstrap.")
        .forEach(
            part ->
                assertThat(PRODUCTION.stream().map(javaClass -> javaClass.getName()))
                    .as("classes of %s", part)
                    .anyMatch(name -> name.contains(part)));
  }

  @TestFactory
  Stream<DynamicTest> productionCodeFollowsEveryRule() {
    return new ArchitectureRules(ROOT)
        .all().stream()
            .map(
                rule ->
                    DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(PRODUCTION)));
  }

  @TestFactory
  Stream<DynamicTest> everyRuleCatchesItsDeliberateViolation() {
    ArchitectureRules rules = new ArchitectureRules(VIOLATIONS);
    List<ArchRule> checked =
        Stream.of(
                List.of(
                    rules.domainIsPlainJava(),
                    rules.applicationDependsOnDomainOnly(),
                    rules.adaptersUseOnlyPortsOfTheApplication(),
                    rules.guiceOnlyInBootstrapAndAdapterModules(),
                    rules.guiceModulesLiveInAdapters(),
                    rules.noPackageCycles()),
                rules.adaptersDoNotCallEachOther().stream()
                    .filter(rule -> rule.getDescription().contains("adapter.http "))
                    .toList(),
                rules.technologiesStayInTheirAdapters())
            .flatMap(List::stream)
            .toList();
    assertThat(checked).hasSize(rules.all().size() - ArchitectureRules.ADAPTERS.size() + 1);
    return checked.stream()
        .map(
            rule ->
                DynamicTest.dynamicTest(
                    rule.getDescription(),
                    () ->
                        assertThatThrownBy(() -> rule.check(VIOLATING))
                            .isInstanceOf(AssertionError.class)
                            .hasMessageContaining(VIOLATIONS)));
  }
}
