package org.shanhai.messaging.rebuild;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.common.KafkaException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.http.ProblemDetail;
import org.springframework.util.MimeType;

/**
 * {@code /actuator/projections}: the service's views and their rebuild from the topics
 * ({@link ProjectionRebuild}). Like every actuator operation but health and metrics, for the
 * province role. Blocking: the rebuild's answer comes when it is done.
 * <pre>
 * GET  /actuator/projections                      the views: their group, bindings, topics and collections
 * POST /actuator/projections                      rebuilds them; 409 while another instance consumes, or a rebuild runs
 * POST /actuator/projections/compare              folds the topics aside and says which views differ; changes nothing
 * </pre>
 */
@Endpoint(id = "projections")
public class ProjectionsEndpoint {

  private static final MimeType PROBLEM_JSON = MimeType.valueOf("application/problem+json");

  private final ProjectionRebuild rebuild;

  public ProjectionsEndpoint(ProjectionRebuild rebuild) {
    this.rebuild = rebuild;
  }

  @ReadOperation
  public Map<String, Object> views() {
    ViewsPlan plan = rebuild.plan();
    return Map.of("group", plan.group(), "bindings", plan.bindings(), "topics", plan.topics(),
        "collections", plan.collections());
  }

  @WriteOperation
  public WebEndpointResponse<Object> rebuild() {
    return answer(rebuild::rebuild);
  }

  /** {@code POST /actuator/projections/compare}: the only operation under the endpoint's path. */
  @WriteOperation
  public WebEndpointResponse<Object> operation(@Selector String operation) {
    if (!operation.equals("compare")) {
      return problem(404, "No such operation", "POST /actuator/projections rebuilds the views, "
          + "POST /actuator/projections/compare compares them with the topics; " + operation + " is neither");
    }
    return answer(rebuild::compare);
  }

  /** What a rebuild or a comparison found, or why it could not run (409: another instance or run; 503: Kafka). */
  private static WebEndpointResponse<Object> answer(Supplier<Object> work) {
    try {
      return new WebEndpointResponse<>(work.get());
    } catch (ProjectionRebuild.OtherConsumers | IllegalStateException e) {
      return problem(409, "The views cannot be rebuilt now", e.getMessage());
    } catch (KafkaException e) {
      return problem(503, "Kafka is not answering", e.getMessage());
    }
  }

  private static WebEndpointResponse<Object> problem(int status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatus(status);
    problem.setTitle(title);
    problem.setDetail(status == 404 ? detail : detail + "; the views are as they were");
    problem.setProperty("errors", List.of());
    return new WebEndpointResponse<>(problem, status, PROBLEM_JSON);
  }
}
