package org.shanhai.projects.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shanhai.projects.project.ProjectStatus.CANCELLED;
import static org.shanhai.projects.project.ProjectStatus.COMPLETED;
import static org.shanhai.projects.project.ProjectStatus.IN_PRODUCTION;
import static org.shanhai.projects.project.ProjectStatus.PLANNED;
import static org.shanhai.projects.project.ProjectStatus.SIGNED;
import static org.shanhai.projects.project.ProjectStatus.SUSPENDED;
import static org.shanhai.projects.project.ProjectStatus.TOPPED_OUT;
import static org.shanhai.projects.project.ProjectStatus.UNDER_CONSTRUCTION;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProjectStatusTest {

  @Test
  void movesForwardAndMaySkipSteps() {
    assertThat(PLANNED.canMoveTo(SIGNED, null)).isTrue();
    assertThat(SIGNED.canMoveTo(TOPPED_OUT, null)).isTrue();
    assertThat(UNDER_CONSTRUCTION.canMoveTo(IN_PRODUCTION, null)).isTrue();
  }

  @Test
  void neverGoesBackOnTheActiveLine() {
    assertThat(IN_PRODUCTION.canMoveTo(SIGNED, null)).isFalse();
    assertThat(COMPLETED.canMoveTo(UNDER_CONSTRUCTION, null)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(names = {"PLANNED", "SIGNED", "UNDER_CONSTRUCTION", "TOPPED_OUT", "COMPLETED", "IN_PRODUCTION"})
  void anyActiveStatusCanBeSuspendedOrCancelled(ProjectStatus active) {
    assertThat(active.canMoveTo(SUSPENDED, null)).isTrue();
    assertThat(active.canMoveTo(CANCELLED, null)).isTrue();
  }

  @Test
  void resumingReturnsToTheStatusBeforeSuspensionOrALaterOne() {
    assertThat(SUSPENDED.canMoveTo(UNDER_CONSTRUCTION, UNDER_CONSTRUCTION)).isTrue();
    assertThat(SUSPENDED.canMoveTo(TOPPED_OUT, UNDER_CONSTRUCTION)).isTrue();
    assertThat(SUSPENDED.canMoveTo(SIGNED, UNDER_CONSTRUCTION)).isFalse();
    assertThat(SUSPENDED.canMoveTo(CANCELLED, UNDER_CONSTRUCTION)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(names = "CANCELLED", mode = EnumSource.Mode.EXCLUDE)
  void cancelledIsFinal(ProjectStatus other) {
    assertThat(CANCELLED.canMoveTo(other, null)).isFalse();
  }

  @ParameterizedTest
  @EnumSource
  void stayingPutIsAlwaysAllowed(ProjectStatus status) {
    assertThat(status.canMoveTo(status, PLANNED)).isTrue();
  }
}
