package org.shanhai.projects.config;

import java.math.BigDecimal;
import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shanhai.projects.*}: the thresholds of update validation, handed to the domain as its {@code ProjectPolicy}.
 */
@Validated
@ConfigurationProperties("shanhai.projects")
public record ProjectsProperties(Validation validation, Imports imports) {

  public ProjectsProperties(@DefaultValue Validation validation, @DefaultValue Imports imports) {
    this.validation = validation;
    this.imports = imports;
  }

  /**
   * Bulk import: the largest file taken, what a workbook may inflate to, the most rows a file may
   * have, and how long an instance holds an import it works on before another may take it over.
   */
  public record Imports(
      @DefaultValue("20MB") DataSize maxFileSize,
      @DefaultValue("200MB") DataSize maxUnzippedSize,
      @DefaultValue("50000") @Min(1) int maxRows,
      @DefaultValue("PT30S") Duration lease) {
  }

  public record Validation(
      @DefaultValue("1.5") @DecimalMin("1.0") @DecimalMax("100") BigDecimal maxFundsInPlaceMultiple,
      @DefaultValue("0.5") @DecimalMin("0.01") @DecimalMax("1.0") BigDecimal largeIncrementShare,
      @DefaultValue("0.8") @DecimalMin("0.0") @DecimalMax("1.0") BigDecimal completionMinShare) {
  }
}
