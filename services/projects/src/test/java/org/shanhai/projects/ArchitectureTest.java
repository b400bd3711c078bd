package org.shanhai.projects;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The domain stays free of Spring, MongoDB and Kafka (Reactor's Mono and Flux are its async types,
 * used by the application services and store ports); features use each other only through their
 * public domain API.
 */
@AnalyzeClasses(packages = "org.shanhai.projects", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String[] DOMAIN = {"org.shanhai.projects.county", "org.shanhai.projects.pairing",
      "org.shanhai.projects.project"};

  @ArchTest
  static final ArchRule domainDependsOnNoFramework = noClasses().that().resideInAnyPackage(DOMAIN)
      .and().haveSimpleNameNotEndingWith("Service")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
          "org.apache.kafka..", "io.cloudevents..", "tools.jackson..", "org.shanhai.web");

  @ArchTest
  static final ArchRule servicesDependOnNoStorageOrMessagingClient = noClasses().that().resideInAnyPackage(DOMAIN)
      .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..", "org.apache.kafka..",
          "org.shanhai.messaging..");

  @ArchTest
  static final ArchRule featuresDoNotReachIntoEachOthersAdapters = noClasses()
      .that().resideInAnyPackage("org.shanhai.projects.project..")
      .should().dependOnClassesThat().resideInAnyPackage("org.shanhai.projects.pairing.store..",
          "org.shanhai.projects.pairing.web..", "org.shanhai.projects.county.web..");

  @ArchTest
  static final ArchRule storesAreReachedOnlyThroughTheirPorts = noClasses()
      .that().resideOutsideOfPackages("..store..")
      .should().dependOnClassesThat().resideInAnyPackage("..store..");
}
