package org.shanhai.payouts;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The payouts service: village collectives, their shareholdings in enclaves and parks, the
 * guaranteed-dividend schedule and its disbursements. Consumes {@code shanhai.projects.v1},
 * publishes {@code shanhai.payouts.v1}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PayoutsApplication {

  public static void main(String[] args) {
    SpringApplication.run(PayoutsApplication.class, args);
  }
}
