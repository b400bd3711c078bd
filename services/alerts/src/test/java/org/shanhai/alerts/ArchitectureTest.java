package org.shanhai.alerts;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.shanhai.testkit.ArchitectureRules;

/** The alerts service keeps the layering every service keeps (no package cycles, a plain-Java domain). */
@AnalyzeClasses(packages = "org.shanhai.alerts", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchTests rules = ArchTests.in(ArchitectureRules.class);
}
