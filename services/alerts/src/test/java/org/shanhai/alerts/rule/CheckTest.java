package org.shanhai.alerts.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckTest {

  private static Check suspended(String projectId) {
    return new Check(RuleId.PROJECT_SUSPENDED,
        new Subject(Subject.Type.PROJECT, projectId, null, null, null, null, null), null);
  }

  @Test
  void theFingerprintIsTheMd5OfRuleSubjectTypeAndIdIn32LowercaseHexDigits() {
    // Stored alerts are found by it, so it must never change: values from md5sum, leading zeros kept.
    assertThat(suspended("PRJ-1").fingerprint()).isEqualTo("13d6a36f65beafd48e83ce33f5d56d9a");
    assertThat(suspended("PRJ-236").fingerprint()).isEqualTo("00c3b7ad2a9fb49bf3e45abcea47288f");
  }
}
