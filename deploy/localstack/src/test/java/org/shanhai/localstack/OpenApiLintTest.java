package org.shanhai.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The services' published OpenAPI documents (docs/openapi, which each service's own test keeps
 * equal to what it serves) pass Redocly's recommended rules: every operation summarised, with an
 * operation id, its security stated, its responses described. Redocly's CLI is pinned in
 * docs/openapi/lint and installed from npm on first use.
 */
class OpenApiLintTest {

  private static final Path LINT = RunningStack.REPOSITORY.resolve(Path.of("docs", "openapi", "lint"));
  private static final ExternalTool NODE = new ExternalTool("node", "Debian: apt-get install nodejs");
  private static final ExternalTool NPM = new ExternalTool("npm", "Debian: apt-get install npm");

  @Test
  void everyServicesDocumentPassesTheRecommendedRules() throws Exception {
    if (!Files.isDirectory(LINT.resolve("node_modules"))) {
      NPM.run(LINT, "ci", "--no-audit", "--no-fund", "--loglevel=error");
    }

    String report = NODE.run(LINT, "node_modules/@redocly/cli/bin/cli.js", "lint", "--config", "redocly.yaml",
        "--format", "summary", "../projects.json", "../payouts.json", "../alerts.json");

    assertThat(report).doesNotContain("warning").doesNotContain("error");
  }
}
