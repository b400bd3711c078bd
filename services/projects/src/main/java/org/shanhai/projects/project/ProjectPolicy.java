package org.shanhai.projects.project;

import java.math.BigDecimal;

/**
 * The tunable thresholds of update validation.
 *
 * @param maxFundsInPlaceMultiple funds in place (到位资金) above this multiple of the planned investment are rejected as a data error
 * @param largeIncrementShare one report adding more than this share of the planned investment is accepted with a warning
 * @param completionMinShare a project reported COMPLETED or IN_PRODUCTION with less than this share of its plan invested gets a warning
 */
public record ProjectPolicy(BigDecimal maxFundsInPlaceMultiple, BigDecimal largeIncrementShare,
    BigDecimal completionMinShare) {

  public static final ProjectPolicy DEFAULT =
      new ProjectPolicy(new BigDecimal("1.5"), new BigDecimal("0.5"), new BigDecimal("0.8"));
}
