package org.shanhai.console.web;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.shanhai.console.api.ProjectsApi.County;
import org.shanhai.console.api.ProjectsApi;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The programme's counties by code, for their names on every page: read once an hour from the
 * projects service (they change by decree, not by the day); a failed read is tried again next time.
 */
@Component
public class Counties {

  private final Mono<Map<String, County>> byCode;

  Counties(ProjectsApi projects) {
    this.byCode = projects.counties()
        .map(all -> all.stream().collect(Collectors.toUnmodifiableMap(County::code, Function.identity())))
        .cache(loaded -> Duration.ofHours(1), failed -> Duration.ZERO, () -> Duration.ZERO);
  }

  public Mono<Map<String, County>> byCode() {
    return byCode;
  }
}
