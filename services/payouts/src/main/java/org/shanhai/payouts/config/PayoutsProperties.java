package org.shanhai.payouts.config;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shanhai.payouts.*}.
 *
 * @param weakVillageThreshold a village with less operating income in a year is weak for it (集体经济薄弱村)
 * @param graceDays a payout not fully paid this many days after its due date is overdue
 * @param defaultTermYears how many annual payouts a shareholding gets when its last payout year is not given
 * @param maxGuaranteedRate guaranteed rates above this are taken for typing errors
 */
@Validated
@ConfigurationProperties("shanhai.payouts")
public record PayoutsProperties(
    @DefaultValue("100000.00") @DecimalMin("0.00") BigDecimal weakVillageThreshold,
    @DefaultValue("30") @Min(0) @Max(366) int graceDays,
    @DefaultValue("10") @Min(1) @Max(50) int defaultTermYears,
    @DefaultValue("0.30") @DecimalMin("0.01") @DecimalMax("1.00") BigDecimal maxGuaranteedRate) {
}
