package org.shanhai.projects.project;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.shanhai.events.Warning;
import org.shanhai.events.value.Money;

/**
 * What an accepted update may look wrong in (DHIS2's "warning" severity): stored and published with
 * it, for somebody to look at. The checks against the planned investment are made only when it is
 * known: an unknown plan is unknown, not zero.
 *
 * @param planBefore the planned investment before the update (null while unknown)
 * @param investmentBefore the cumulative investment last reported before it
 * @param fundsBefore the funds in place last reported before it
 * @param statusBefore the status before it
 * @param plan the planned investment after it (null while unknown)
 */
record Warnings(Money planBefore, Money investmentBefore, Money fundsBefore, ProjectStatus statusBefore,
    ProjectStatus nextStatus, Money plan, ProjectPolicy policy) {

  /**
   * @param reportedPlan the planned investment the update gives, or null
   * @param reportedInvestment the cumulative investment the update gives, or null
   * @param nextInvestment the project's cumulative investment after the update
   * @param reportedFunds the funds in place the update gives, or null
   */
  List<Warning> of(Money reportedPlan, Money reportedInvestment, Money nextInvestment, Money reportedFunds) {
    List<Warning> warnings = new ArrayList<>();
    if (reportedPlan != null && planBefore != null && !reportedPlan.equals(planBefore)) {
      warnings.add(new Warning("plan-revised", "plannedInvestment", "the planned investment changes from "
          + planBefore + " to " + reportedPlan + " yuan"));
    }
    if (reportedInvestment != null && plan != null) {
      Money increment = reportedInvestment.minus(investmentBefore == null ? Money.ZERO
          : investmentBefore);
      if (increment.isMoreThan(plan.times(policy.largeIncrementShare()))) {
        warnings.add(new Warning("large-increment", "cumulativeInvestment", "this report adds "
            + increment + " yuan, more than " + percent(policy.largeIncrementShare()) + " of the planned investment"));
      }
      if (reportedInvestment.isMoreThan(plan)) {
        warnings.add(new Warning("above-plan", "cumulativeInvestment",
            "cumulative investment is above the planned investment of " + plan));
      }
    }
    if (reportedFunds != null && fundsBefore != null && reportedFunds.isLessThan(fundsBefore)) {
      warnings.add(new Warning("funds-decreased", "fundsInPlace",
          "funds in place went down from " + fundsBefore));
    }
    boolean finishing = nextStatus != statusBefore
        && (nextStatus == ProjectStatus.COMPLETED || nextStatus == ProjectStatus.IN_PRODUCTION);
    Money invested = nextInvestment == null ? Money.ZERO : nextInvestment;
    if (finishing && plan != null && invested.isLessThan(plan.times(policy.completionMinShare()))) {
      warnings.add(new Warning("finished-under-invested", "status", "reported " + nextStatus + " with "
          + invested + " yuan invested, under " + percent(policy.completionMinShare()) + " of the planned " + plan));
    }
    return List.copyOf(warnings);
  }

  private static String percent(BigDecimal share) {
    return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }
}
