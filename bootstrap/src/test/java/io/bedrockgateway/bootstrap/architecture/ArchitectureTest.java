package io.bedrockgateway.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.bedrockgateway.bootstrap.architecture.violations.adapter.bedrock.BedrockThing;
import io.bedrockgateway.bootstrap.architecture.violations.adapter.bedrock.BedrockUsingTheEmulator;
import io.bedrockgateway.bootstrap.architecture.violations.adapter.http.HttpCallingServices;
import io.bedrockgateway.bootstrap.architecture.violations.adapter.http.HttpFetching;
import io.bedrockgateway.bootstrap.architecture.violations.adapter.http.HttpPublishing;
import io.bedrockgateway.bootstrap.architecture.violations.adapter.http.common.CommonUsingNative;
import io.bedrockgateway.bootstrap.architecture.violations.adapter.http.nativeapi.NativeUsingOpenAi;
import io.bedrockgateway.bootstrap.architecture.violations.adapter.media.MediaUsingMetrics;
import io.bedrockgateway.bootstrap.architecture.violations.adapter.memory.MemoryFramingEvents;
import io.bedrockgateway.bootstrap.architecture.violations.adapter.memory.MemoryMeter;
import io.bedrockgateway.bootstrap.architecture.violations.adapter.memory.MemoryRetrying;
import io.bedrockgateway.bootstrap.architecture.violations.adapter.memory.MemoryThing;
import io.bedrockgateway.bootstrap.architecture.violations.adapter.memory.MemoryUsingJetty;
import io.bedrockgateway.bootstrap.architecture.violations.adapter.memory.MemoryUsingRedis;
import io.bedrockgateway.bootstrap.architecture.violations.adapter.metrics.MetricsUsingHttp;
import io.bedrockgateway.bootstrap.architecture.violations.adapter.mongo.MongoOnNetty;
import io.bedrockgateway.bootstrap.architecture.violations.adapter.mongo.MongoThing;
import io.bedrockgateway.bootstrap.architecture.violations.adapter.mongo.MongoUsingMemory;
import io.bedrockgateway.bootstrap.architecture.violations.adapter.redis.RedisThing;
import io.bedrockgateway.bootstrap.architecture.violations.adapter.redis.RedisUsingMongo;
import io.bedrockgateway.bootstrap.architecture.violations.application.service.ServiceUsingAnAdapter;
import io.bedrockgateway.bootstrap.architecture.violations.bootstrap.MainReadingJson;
import io.bedrockgateway.bootstrap.architecture.violations.client.ClientUsingTheDomain;
import io.bedrockgateway.bootstrap.architecture.violations.domain.DomainUsingAFramework;
import io.bedrockgateway.bootstrap.architecture.violations.elsewhere.StrayModule;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The production code follows every rule, and every rule fails on its own deliberate violation kept
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
            ".adapter.media.",
            ".emulator.",
            ".bootstrap.",
            ".client.")
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

  /**
   * Every rule, and the deliberate violation that breaks it: its failure must name that class, so
   * that no rule passes vacuously nor fails only on a violation meant for another. A new rule needs
   * an entry here.
   */
  private static final Map<String, Class<?>> VIOLATION_OF =
      Map.ofEntries(
          Map.entry("domain depends on java.. only", DomainUsingAFramework.class),
          Map.entry("application depends on domain and java.. only", ServiceUsingAnAdapter.class),
          Map.entry(
              "adapters use port.in and port.out, never the services", HttpCallingServices.class),
          Map.entry("adapter.http does not depend on other adapters", HttpCallingServices.class),
          Map.entry("adapter.bedrock does not depend on other adapters", BedrockThing.class),
          Map.entry("adapter.memory does not depend on other adapters", MemoryUsingRedis.class),
          Map.entry("adapter.redis does not depend on other adapters", RedisUsingMongo.class),
          Map.entry("adapter.mongo does not depend on other adapters", MongoUsingMemory.class),
          Map.entry("adapter.metrics does not depend on other adapters", MetricsUsingHttp.class),
          Map.entry("adapter.media does not depend on other adapters", MediaUsingMetrics.class),
          Map.entry(
              "software.amazon.awssdk.. only in [.adapter.bedrock.., .emulator.., .client..]",
              HttpCallingServices.class),
          Map.entry(
              "software.amazon.awssdk.eventstream.. only in [.adapter.http.., .adapter.bedrock..,"
                  + " .emulator..]",
              MemoryFramingEvents.class),
          Map.entry("io.lettuce.. only in [.adapter.redis..]", MongoThing.class),
          Map.entry("com.mongodb.. only in [.adapter.mongo..]", RedisThing.class),
          Map.entry("org.bson.. only in [.adapter.mongo..]", RedisThing.class),
          Map.entry("io.javalin.. only in [.adapter.http.., .emulator..]", MemoryThing.class),
          Map.entry(
              "io.micrometer.. only in [.adapter.metrics.., .client.micrometer..]",
              MemoryMeter.class),
          Map.entry(
              "org.eclipse.jetty.. only in [.adapter.http.., .emulator..]", MemoryUsingJetty.class),
          Map.entry(
              "io.github.resilience4j.. only in [.adapter.bedrock.., .adapter.redis.., .client..]",
              MemoryRetrying.class),
          Map.entry("org.reactivestreams.. only in [.adapter.bedrock..]", HttpPublishing.class),
          Map.entry("io.netty.. only in [.adapter.bedrock..]", MongoOnNetty.class),
          Map.entry("java.net.http.. only in [.adapter.media.., .client..]", HttpFetching.class),
          Map.entry(
              "com.fasterxml.jackson.. only in [.adapter.., .emulator.., .bootstrap.config.., .client..]",
              MainReadingJson.class),
          Map.entry("adapters do not depend on the emulator", BedrockUsingTheEmulator.class),
          Map.entry("the client depends on no gateway package", ClientUsingTheDomain.class),
          Map.entry(
              "Guice only in bootstrap and each adapter's own *Module class",
              HttpCallingServices.class),
          Map.entry("Guice modules live in adapters and bootstrap", StrayModule.class),
          Map.entry("API surfaces do not depend on each other", NativeUsingOpenAi.class),
          Map.entry("adapter.http.common depends on no surface", CommonUsingNative.class),
          Map.entry("no cycles between packages", BedrockThing.class));

  @TestFactory
  Stream<DynamicTest> everyRuleCatchesItsDeliberateViolation() {
    List<ArchRule> rules = new ArchitectureRules(VIOLATIONS).all();
    assertThat(rules)
        .extracting(ArchRule::getDescription)
        .containsExactlyInAnyOrderElementsOf(VIOLATION_OF.keySet());
    return rules.stream()
        .map(
            rule ->
                DynamicTest.dynamicTest(
                    rule.getDescription(),
                    () ->
                        assertThatThrownBy(() -> rule.check(VIOLATING))
                            .isInstanceOf(AssertionError.class)
                            .hasMessageContaining(
                                VIOLATION_OF.get(rule.getDescription()).getName())));
  }
}
