package org.shanhai.alerts.config;

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
 * the repository ({@code docs/openapi/alerts.json}) and a test fails when the two drift apart.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static {
    // Amounts are decimal strings on the wire (@JsonFormat(shape = STRING)); document them so.
    SpringDocUtils.getConfig().replaceWithClass(BigDecimal.class, String.class);
  }

  @Bean
  OpenAPI alertsApi() {
    return new OpenAPI()
        .info(new Info().title("Shanhai Monitor — alerts service").version("v1")
            .description("Alerts over the mountain–sea cooperation programme: configurable rules, the alert "
                + "lifecycle (firing, acknowledged, resolved; escalation), silences, annual targets, and subscriptions "
                + "delivered as Standard Webhooks or Server-Sent Events. Writes take X-User; errors are "
                + "application/problem+json."))
        // Fixed, so the generated document does not depend on the port the service happens to run on.
        .servers(List.of(new Server().url("http://localhost:8083").description("local stack")));
  }
}
