package org.shanhai.messaging.deadletter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.KafkaException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * {@code /actuator/deadletters}: the dead-letter topics of this service's consumer groups, what each
 * holds, and their replay. It runs inside the service, so it reaches the service's Kafka wherever the
 * service runs (locally, in compose, in a cluster) with nothing more than HTTP:
 * <pre>
 * GET  /actuator/deadletters                    every dead-letter topic of the service: letters, waiting
 * GET  /actuator/deadletters/{topic}            the letters, with the error each failed with
 * POST /actuator/deadletters/{topic}            sends the letters not replayed yet back to their topics
 * </pre>
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

  private final DeadLetters deadLetters;
  private final Set<String> topics;

  public DeadLettersEndpoint(DeadLetters deadLetters, Set<String> topics) {
    this.deadLetters = deadLetters;
    this.topics = Set.copyOf(topics);
  }

  /** How many letters a topic holds and how many of them wait for a replay. */
  public record Summary(int letters, long waiting) {
  }

  @ReadOperation
  public WebEndpointResponse<Object> topics() {
    Map<String, Summary> summaries = new LinkedHashMap<>();
    try {
      topics.stream().sorted().forEach(topic -> {
        List<DeadLetters.DeadLetter> letters = deadLetters.list(topic);
        summaries.put(topic, new Summary(letters.size(), letters.stream().filter(l -> !l.replayed()).count()));
      });
    } catch (KafkaException e) {
      return problem(503, "Kafka is not answering", e.getMessage());
    }
    return new WebEndpointResponse<>(summaries);
  }

  @ReadOperation
  public WebEndpointResponse<Object> letters(@Selector String topic) {
    if (!topics.contains(topic)) {
      return unknown(topic);
    }
    try {
      return new WebEndpointResponse<>(deadLetters.list(topic));
    } catch (KafkaException e) {
      return problem(503, "Kafka is not answering", e.getMessage());
    }
  }

  @WriteOperation
  public WebEndpointResponse<Object> replay(@Selector String topic) {
    if (!topics.contains(topic)) {
      return unknown(topic);
    }
    try {
      return new WebEndpointResponse<>(deadLetters.replay(topic));
    } catch (KafkaException e) {
      return problem(503, "Kafka is not answering", e.getMessage());
    } catch (IllegalStateException e) {
      // A letter that cannot say where it came from.
      return problem(409, "The dead letters cannot be replayed", e.getMessage());
    }
  }

  private WebEndpointResponse<Object> unknown(String topic) {
    return problem(404, "Not a dead-letter topic of this service", topic + " is not one of " + topics.stream().sorted().toList());
  }

  private static WebEndpointResponse<Object> problem(int status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatus(status);
    problem.setTitle(title);
    problem.setDetail(detail);
    return new WebEndpointResponse<>(problem, status, MediaType.APPLICATION_PROBLEM_JSON);
  }
}
