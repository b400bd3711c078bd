package org.shanhai.alerts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The domain (rules, alerts, silences, subscriptions, deliveries, targets, projections) stays free
 * of Spring, MongoDB and Kafka; services, schedules and senders wire it to them; stores are reached
 * only through their ports.
 */
@AnalyzeClasses(packages = "org.shanhai.alerts", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String[] DOMAIN = {"org.shanhai.alerts.rule", "org.shanhai.alerts.alert",
      "org.shanhai.alerts.silence", "org.shanhai.alerts.subscription", "org.shanhai.alerts.delivery",
      "org.shanhai.alerts.targets", "org.shanhai.alerts.projection"};

  @ArchTest
  static final ArchRule domainDependsOnNoFramework = noClasses().that().resideInAnyPackage(DOMAIN)
      .and().haveSimpleNameNotEndingWith("Service").and().haveSimpleNameNotEndingWith("Clock")
      .and().haveSimpleNameNotEndingWith("Worker").and().haveSimpleNameNotEndingWith("Sender")
      .and().haveSimpleNameNotEndingWith("Stream").and().haveSimpleNameNotEndingWith("Fanout")
      .and().haveSimpleNameNotEndingWith("Evaluation")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
          "org.apache.kafka..", "io.cloudevents..", "tools.jackson..", "org.shanhai.web");

  @ArchTest
  static final ArchRule domainUsesNoStorageClient = noClasses().that().resideInAnyPackage(DOMAIN)
      .and().haveSimpleNameNotEndingWith("Stream")
      .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..", "org.apache.kafka..");

  @ArchTest
  static final ArchRule storesAreReachedOnlyThroughTheirPorts = noClasses()
      .that().resideOutsideOfPackages("..store..")
      .should().dependOnClassesThat().resideInAnyPackage("..store..");
}
