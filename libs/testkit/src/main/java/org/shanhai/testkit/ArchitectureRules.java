package org.shanhai.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every service keeps, written once; each service's {@code ArchitectureTest} applies
 * them to its own classes ({@code @ArchTest static final ArchTests rules = ArchTests.in(ArchitectureRules.class)}).
 *
 * <p>A service is packages by feature ({@code org.shanhai.<service>.<feature>}). Within a feature
 * the domain (aggregates, policies, commands, the services that apply them, the ports of their
 * stores) is plain Java; adapters live in packages of their own: {@code web} (controllers, request
 * and response records), {@code store} (MongoDB), {@code kafka} (consumers, streams), {@code http}
 * (outgoing calls), {@code schedule} (what runs on the clock), {@code metrics}, and the service's
 * {@code config}, which wires it all. No name of a class exempts it.
 */
public final class ArchitectureRules {

  /** The adapter packages of a service: the only places that know a framework, a driver or a wire format. */
  static final String[] ADAPTERS = {"org.shanhai.*..web..", "org.shanhai.*..store..", "org.shanhai.*..kafka..",
      "org.shanhai.*..http..", "org.shanhai.*..schedule..", "org.shanhai.*..metrics..", "org.shanhai.*..config.."};

  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("org.shanhai.*.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule domainKnowsNoFrameworkDriverOrWireFormat = noClasses()
      .that().resideInAPackage("org.shanhai.*.*..").and().resideOutsideOfPackages(ADAPTERS)
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
          "org.apache.kafka..", "io.cloudevents..", "tools.jackson..", "io.micrometer..", "io.netty..",
          "reactor.netty..", "jakarta.validation..", "org.shanhai.messaging..", "org.shanhai.web")
      .because("domain classes are plain Java: settings reach them as small records, and adapters do the I/O");

  @ArchTest
  static final ArchRule domainDoesNotReachIntoAdapters = noClasses()
      .that().resideInAPackage("org.shanhai.*.*..").and().resideOutsideOfPackages(ADAPTERS)
      .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
      .because("arrows point from adapters to the domain, never back");

  @ArchTest
  static final ArchRule storesAreReachedOnlyThroughTheirPorts = noClasses()
      .that().resideOutsideOfPackages("org.shanhai.*..store..")
      .should().dependOnClassesThat().resideInAnyPackage("org.shanhai.*..store..");

  private ArchitectureRules() {
  }
}
