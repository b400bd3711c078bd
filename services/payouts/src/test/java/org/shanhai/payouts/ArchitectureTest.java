package org.shanhai.payouts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain stays free of Spring, MongoDB and Kafka; stores are reached only through their ports. */
@AnalyzeClasses(packages = "org.shanhai.payouts", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String[] DOMAIN = {"org.shanhai.payouts.village", "org.shanhai.payouts.shareholding",
      "org.shanhai.payouts.aid"};

  @ArchTest
  static final ArchRule domainDependsOnNoFramework = noClasses().that().resideInAnyPackage(DOMAIN)
      .and().haveSimpleNameNotEndingWith("Service").and().haveSimpleNameNotEndingWith("Clock")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
          "org.apache.kafka..", "io.cloudevents..", "tools.jackson..", "org.shanhai.web");

  @ArchTest
  static final ArchRule domainUsesNoStorageOrMessagingClient = noClasses().that().resideInAnyPackage(DOMAIN)
      .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..", "org.apache.kafka..",
          "org.shanhai.messaging..");

  @ArchTest
  static final ArchRule storesAreReachedOnlyThroughTheirPorts = noClasses()
      .that().resideOutsideOfPackages("..store..")
      .should().dependOnClassesThat().resideInAnyPackage("..store..");
}
