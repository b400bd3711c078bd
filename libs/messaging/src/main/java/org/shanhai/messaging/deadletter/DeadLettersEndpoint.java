package org.shanhai.messaging.deadletter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
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
  public Map<String, Summary> topics() {
    Map<String, Summary> summaries = new LinkedHashMap<>();
    topics.stream().sorted().forEach(topic -> {
      List<DeadLetters.DeadLetter> letters = deadLetters.list(topic);
      summaries.put(topic, new Summary(letters.size(), letters.stream().filter(l -> !l.replayed()).count()));
    });
    return summaries;
  }

  @ReadOperation
  public WebEndpointResponse<Object> letters(@Selector String topic) {
    if (!topics.contains(topic)) {
      return unknown(topic);
    }
    return new WebEndpointResponse<>(deadLetters.list(topic));
  }

  @WriteOperation
  public WebEndpointResponse<Object> replay(@Selector String topic) {
    if (!topics.contains(topic)) {
      return unknown(topic);
    }
    return new WebEndpointResponse<>(deadLetters.replay(topic));
  }

  private WebEndpointResponse<Object> unknown(String topic) {
    ProblemDetail problem = ProblemDetail.forStatus(404);
    problem.setTitle("Not a dead-letter topic of this service");
    problem.setDetail(topic + " is not one of " + topics.stream().sorted().toList());
    return new WebEndpointResponse<>(problem, 404);
  }
}
