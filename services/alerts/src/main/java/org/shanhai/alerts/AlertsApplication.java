package org.shanhai.alerts;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The alerts service: evaluates rules over the projects' and payouts' events and over time, keeps
 * the alert lifecycle (firing, acknowledged, resolved; escalation, silences, inhibition), and
 * delivers notifications to subscribers by signed webhooks and Server-Sent Events. Consumes
 * {@code shanhai.projects.v1} and {@code shanhai.payouts.v1}, publishes {@code shanhai.alerts.v1}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AlertsApplication {

  public static void main(String[] args) {
    SpringApplication.run(AlertsApplication.class, args);
  }
}
