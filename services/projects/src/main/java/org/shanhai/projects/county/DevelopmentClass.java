package org.shanhai.projects.county;

/** The two groups of the 26 mountain counties (跨越发展类 / 生态发展类). */
public enum DevelopmentClass {
  LEAPFROG,
  ECOLOGICAL
}
