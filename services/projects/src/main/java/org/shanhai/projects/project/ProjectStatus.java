package org.shanhai.projects.project;

/**
 * Where a project stands. The active statuses form one forward line,
 * PLANNED → SIGNED → UNDER_CONSTRUCTION → TOPPED_OUT → COMPLETED → IN_PRODUCTION, on which a report
 * may skip steps (reports are periodic) but never go back. Any active project can be SUSPENDED
 * (停工); resuming (复工) returns it to the status it had or a later one. CANCELLED is final.
 */
public enum ProjectStatus {
  PLANNED,
  SIGNED,
  UNDER_CONSTRUCTION,
  TOPPED_OUT,
  COMPLETED,
  IN_PRODUCTION,
  SUSPENDED,
  CANCELLED;

  public boolean isActive() {
    return this != SUSPENDED && this != CANCELLED;
  }

  /**
   * Whether a project in this status may move to {@code next}. {@code suspendedFrom} is the active
   * status the project had when it was suspended (only read when this is SUSPENDED).
   */
  public boolean canMoveTo(ProjectStatus next, ProjectStatus suspendedFrom) {
    if (next == this) {
      return true;
    }
    return switch (this) {
      case CANCELLED -> false;
      case SUSPENDED -> next == CANCELLED || (next.isActive() && !next.isBefore(suspendedFrom));
      default -> next == SUSPENDED || next == CANCELLED || !next.isBefore(this);
    };
  }

  private boolean isBefore(ProjectStatus other) {
    return ordinal() < other.ordinal();
  }
}
