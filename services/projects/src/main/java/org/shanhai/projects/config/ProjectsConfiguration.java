package org.shanhai.projects.config;

import org.shanhai.projects.county.Counties;
import org.shanhai.projects.project.ProjectPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the domain's plain objects; everything else is a component found by scanning. */
@Configuration(proxyBeanMethods = false)
class ProjectsConfiguration {

  @Bean
  Counties counties() {
    return new Counties();
  }

  @Bean
  ProjectPolicy projectPolicy(ProjectsProperties properties) {
    ProjectsProperties.Validation v = properties.validation();
    return new ProjectPolicy(v.maxFundsInPlaceMultiple(), v.largeIncrementShare(), v.completionMinShare());
  }
}
