package io.bedrockgateway.bootstrap.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.google.inject.Module;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dependency rule of ARCHITECTURE §1, for the code below {@code root}. Parameterised by root so
 * that the same rules are also run against deliberate violations, proving each can fail.
 */
final class ArchitectureRules {
  static final List<String> ADAPTERS =
      List.of("http", "bedrock", "memory", "redis", "mongo", "metrics", "media");

  private final String root;

  ArchitectureRules(String root) {
    this.root = root;
  }

  ArchRule domainIsPlainJava() {
    return classes()
        .that()
        .resideInAPackage(root + ".domain..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(root + ".domain..", "java..")
        .as("domain depends on java.. only");
  }

  ArchRule applicationDependsOnDomainOnly() {
    return classes()
        .that()
        .resideInAPackage(root + ".application..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(root + ".application..", root + ".domain..", "java..")
        .as("application depends on domain and java.. only");
  }

  ArchRule adaptersUseOnlyPortsOfTheApplication() {
    return noClasses()
        .that()
        .resideInAPackage(root + ".adapter..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(root + ".application.service..")
        .as("adapters use port.in and port.out, never the services");
  }

  List<ArchRule> adaptersDoNotCallEachOther() {
    return ADAPTERS.stream()
        .map(
            adapter ->
                noClasses()
                    .that()
                    .resideInAPackage(root + ".adapter." + adapter + "..")
                    .should()
                    .dependOnClassesThat(
                        resideInAPackage(root + ".adapter..")
                            .and(not(resideInAPackage(root + ".adapter." + adapter + ".."))))
                    .allowEmptyShould(true)
                    .as("adapter." + adapter + " does not depend on other adapters"))
        .toList();
  }

  /** The AWS SDK's event-stream codec: a small library of its own, without the SDK. */
  private static final String EVENT_STREAM_CODEC = "software.amazon.awssdk.eventstream..";

  /**
   * Each vendor technology, and the packages allowed to use it: where it is used today. Jackson is
   * the exception: any adapter may read or write JSON, and bootstrap reads its configuration files
   * with it. The AWS SDK's event-stream codec is its own technology: the HTTP adapter frames the
   * Bedrock-native surface's streams with it, and it brings no SDK along.
   */
  List<ArchRule> technologiesStayInTheirAdapters() {
    Map<String, List<String>> owners = new LinkedHashMap<>();
    owners.put(
        "software.amazon.awssdk..", List.of(".adapter.bedrock..", ".emulator..", ".client.."));
    owners.put(EVENT_STREAM_CODEC, List.of(".adapter.http..", ".adapter.bedrock..", ".emulator.."));
    owners.put("io.lettuce..", List.of(".adapter.redis.."));
    owners.put("com.mongodb..", List.of(".adapter.mongo.."));
    owners.put("org.bson..", List.of(".adapter.mongo.."));
    owners.put("io.javalin..", List.of(".adapter.http..", ".emulator.."));
    owners.put("io.micrometer..", List.of(".adapter.metrics..", ".client.micrometer.."));
    owners.put("org.eclipse.jetty..", List.of(".adapter.http..", ".emulator.."));
    owners.put(
        "io.github.resilience4j..", List.of(".adapter.bedrock..", ".adapter.redis..", ".client.."));
    owners.put("org.reactivestreams..", List.of(".adapter.bedrock.."));
    owners.put("io.netty..", List.of(".adapter.bedrock.."));
    // the gateway reaches out over HTTP only to fetch the images an operator allowed; the client
    // library calls the gateway with it
    owners.put("java.net.http..", List.of(".adapter.media..", ".client.."));
    owners.put(
        "com.fasterxml.jackson..",
        List.of(".adapter..", ".emulator..", ".bootstrap.config..", ".client.."));
    return owners.entrySet().stream()
        .map(
            entry ->
                noClasses()
                    .that()
                    .resideInAPackage(root + "..")
                    .and()
                    .resideOutsideOfPackages(
                        entry.getValue().stream().map(owner -> root + owner).toArray(String[]::new))
                    .should()
                    .dependOnClassesThat(technology(entry.getKey()))
                    .as(entry.getKey() + " only in " + entry.getValue()))
        .toList();
  }

  /** The classes of a technology's packages; the SDK's without its event-stream codec. */
  private static DescribedPredicate<JavaClass> technology(String packages) {
    DescribedPredicate<JavaClass> classes = resideInAPackage(packages);
    return packages.equals("software.amazon.awssdk..")
        ? classes.and(not(resideInAPackage(EVENT_STREAM_CODEC)))
        : classes;
  }

  /** The emulator stands in for Bedrock in tests and demos; no adapter may lean on it. */
  ArchRule adaptersDoNotDependOnTheEmulator() {
    return noClasses()
        .that()
        .resideInAPackage(root + ".adapter..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(root + ".emulator..")
        .as("adapters do not depend on the emulator");
  }

  /**
   * The client library is published on its own and an application depends on it alone: it may use
   * no class of the gateway (the wire format is its only contract with the gateway).
   */
  ArchRule clientDependsOnNoGatewayPackage() {
    return noClasses()
        .that()
        .resideInAPackage(root + ".client..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            root + ".domain..",
            root + ".application..",
            root + ".adapter..",
            root + ".emulator..",
            root + ".bootstrap..")
        .as("the client depends on no gateway package");
  }

  ArchRule guiceOnlyInBootstrapAndAdapterModules() {
    return noClasses()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .resideOutsideOfPackage(root + ".bootstrap..")
        .and()
        .haveSimpleNameNotEndingWith("Module")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.google.inject..")
        .as("Guice only in bootstrap and each adapter's own *Module class");
  }

  ArchRule guiceModulesLiveInAdapters() {
    return classes()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .areAssignableTo(Module.class)
        .should()
        .resideInAnyPackage(root + ".adapter..", root + ".bootstrap..")
        .allowEmptyShould(true)
        .as("Guice modules live in adapters and bootstrap");
  }

  /**
   * The API surfaces of the HTTP adapter, one package each. They share only what lives in {@code
   * adapter.http.common}.
   */
  static final List<String> SURFACES = List.of("nativeapi", "openai", "anthropic", "bedrock");

  ArchRule surfacesDoNotDependOnEachOther() {
    String http = root + ".adapter.http.";
    return slices()
        .assignedFrom(
            new SliceAssignment() {
              @Override
              public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return SURFACES.stream()
                    .filter(
                        surface ->
                            javaClass.getPackageName().equals(http + surface)
                                || javaClass.getPackageName().startsWith(http + surface + "."))
                    .findFirst()
                    .map(SliceIdentifier::of)
                    .orElse(SliceIdentifier.ignore());
              }

              @Override
              public String getDescription() {
                return "the API surfaces of adapter.http";
              }
            })
        .should()
        .notDependOnEachOther()
        .allowEmptyShould(true)
        .as("API surfaces do not depend on each other");
  }

  /** What every surface shares depends on none of them, nor on the server that composes them. */
  ArchRule commonEdgeDependsOnNoSurface() {
    String http = root + ".adapter.http";
    return classes()
        .that()
        .resideInAPackage(http + ".common..")
        .should()
        .onlyDependOnClassesThat(
            resideInAPackage(http + ".common..").or(not(resideInAPackage(http + ".."))))
        .allowEmptyShould(true)
        .as("adapter.http.common depends on no surface");
  }

  ArchRule noPackageCycles() {
    return slices()
        .matching(root + ".(**)")
        .should()
        .beFreeOfCycles()
        .as("no cycles between packages");
  }

  List<ArchRule> all() {
    List<ArchRule> rules = new ArrayList<>();
    rules.add(domainIsPlainJava());
    rules.add(applicationDependsOnDomainOnly());
    rules.add(adaptersUseOnlyPortsOfTheApplication());
    rules.addAll(adaptersDoNotCallEachOther());
    rules.addAll(technologiesStayInTheirAdapters());
    rules.add(adaptersDoNotDependOnTheEmulator());
    rules.add(clientDependsOnNoGatewayPackage());
    rules.add(guiceOnlyInBootstrapAndAdapterModules());
    rules.add(guiceModulesLiveInAdapters());
    rules.add(surfacesDoNotDependOnEachOther());
    rules.add(commonEdgeDependsOnNoSurface());
    rules.add(noPackageCycles());
    return rules;
  }
}
