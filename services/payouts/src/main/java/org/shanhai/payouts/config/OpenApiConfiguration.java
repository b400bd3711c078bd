package org.shanhai.payouts.config;

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
 * the repository ({@code docs/openapi/payouts.json}) and a test fails when the two drift apart.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static {
    // Amounts are decimal strings on the wire (@JsonFormat(shape = STRING)); document them so.
    SpringDocUtils.getConfig().replaceWithClass(BigDecimal.class, String.class);
  }

  @Bean
  OpenAPI payoutsApi() {
    return new OpenAPI()
        .info(new Info().title("Shanhai Monitor — payouts service").version("v1")
            .description("Village collectives and their income, shareholdings in enclaves and parks, the "
                + "guaranteed-dividend schedule (保底收益), disbursements and the money summary. Amounts are "
                + "decimal strings in yuan; counties are GB/T 2260 codes. Writes take X-User and Idempotency-Key; "
                + "errors are application/problem+json."))
        // Fixed, so the generated document does not depend on the port the service happens to run on.
        .servers(List.of(new Server().url("http://localhost:8082").description("local stack")));
  }
}
