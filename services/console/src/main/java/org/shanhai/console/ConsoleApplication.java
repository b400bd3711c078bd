package org.shanhai.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The officers' console: web pages, Chinese first, for the county programme officers and the
 * provincial task force. It signs them in with the programme's OpenID Connect provider, keeps their
 * tokens in its own session store (never in the browser), and calls the projects, payouts and alerts
 * services' APIs as them, so every rule of those APIs holds here too; it stores nothing of its own.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsoleApplication {

  public static void main(String[] args) {
    SpringApplication.run(ConsoleApplication.class, args);
  }
}
