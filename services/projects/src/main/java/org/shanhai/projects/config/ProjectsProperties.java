package org.shanhai.projects.config;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shanhai.projects.*}: the thresholds of update validation, handed to the domain as its {@code ProjectPolicy}.
 */
@Validated
@ConfigurationProperties("shanhai.projects")
public record ProjectsProperties(Validation validation) {

  public ProjectsProperties(@DefaultValue Validation validation) {
    this.validation = validation;
  }

  public record Validation(
      @DefaultValue("1.5") @DecimalMin("1.0") @DecimalMax("100") BigDecimal maxFundsInPlaceMultiple,
      @DefaultValue("0.5") @DecimalMin("0.01") @DecimalMax("1.0") BigDecimal largeIncrementShare,
      @DefaultValue("0.8") @DecimalMin("0.0") @DecimalMax("1.0") BigDecimal completionMinShare) {
  }
}
