package org.shanhai.projects.config;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}, generated from the controllers. A copy is kept in
 * the repository ({@code docs/openapi/projects.json}) and a test fails when the two drift apart.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static {
    // Amounts are decimal strings on the wire (@JsonFormat(shape = STRING)); document them so.
    SpringDocUtils.getConfig().replaceWithClass(BigDecimal.class, String.class);
  }

  @Bean
  OpenAPI projectsApi() {
    return new OpenAPI()
        .info(new Info().title("Shanhai Monitor — projects service").version("v1")
            .description("Counties, mountain–sea pairings (山海协作结对), cooperation projects and the officers' "
                + "progress updates. Amounts are decimal strings in yuan; counties are GB/T 2260 codes. Writes "
                + "take X-User (the acting officer) and Idempotency-Key; errors are application/problem+json."))
        // Fixed, so the generated document does not depend on the port the service happens to run on.
        .servers(List.of(new Server().url("http://localhost:8081").description("local stack")));
  }
}
