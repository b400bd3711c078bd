package org.shanhai.payouts.shareholding;

/**
 * Where a year's payout stands: SCHEDULED until its due date, then DUE; PARTIALLY_PAID or PAID as
 * money arrives; OVERDUE when its due date plus the grace period passed without it being fully
 * paid (it stays OVERDUE until fully paid).
 */
public enum PayoutStatus {
  SCHEDULED,
  DUE,
  PARTIALLY_PAID,
  PAID,
  OVERDUE;

  boolean isOpen() {
    return this == SCHEDULED || this == DUE || this == PARTIALLY_PAID;
  }
}
