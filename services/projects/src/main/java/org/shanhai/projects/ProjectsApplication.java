package org.shanhai.projects;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The projects service: counties, pairings, projects and progress updates; publishes {@code shanhai.projects.v1}. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ProjectsApplication {

  public static void main(String[] args) {
    SpringApplication.run(ProjectsApplication.class, args);
  }
}
