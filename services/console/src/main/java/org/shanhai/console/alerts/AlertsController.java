package org.shanhai.console.alerts;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.shanhai.console.api.AlertsApi;
import org.shanhai.console.api.AlertsApi.Alert;
import org.shanhai.console.api.ApiRefusal;
import org.shanhai.console.api.PayoutsApi;
import org.shanhai.console.api.ProjectsApi;
import org.shanhai.console.signin.Officer;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The open alerts of the officer's counties (all for the province), kept current while the page is
 * open: the alerts service's event stream is relayed to the browser, whose list then reloads itself
 * (htmx). Acknowledging and resolving take a note; with htmx only the list is replaced, without it
 * the page is reloaded.
 */
@Controller
class AlertsController {

  /** A comment this often keeps the relayed stream open through proxies that close idle connections. */
  private static final Duration HEARTBEAT = Duration.ofSeconds(15);

  /** How long the page waits for the names of what its alerts are about before showing them without. */
  private static final Duration NAMES_WAIT = Duration.ofSeconds(2);

  private final AlertsApi alerts;
  private final ProjectsApi projects;
  private final PayoutsApi payouts;

  AlertsController(AlertsApi alerts, ProjectsApi projects, PayoutsApi payouts) {
    this.alerts = alerts;
    this.projects = projects;
    this.payouts = payouts;
  }

  @GetMapping("/alerts")
  Mono<Rendering> page(@AuthenticationPrincipal OidcUser user) {
    return list(user, "alerts", null);
  }

  @GetMapping("/alerts/rows")
  Mono<Rendering> rows(@AuthenticationPrincipal OidcUser user) {
    return list(user, "alerts :: rows", null);
  }

  /** The note an officer leaves with what they did (the form's only field). */
  record Note(String note) {

    String text() {
      return note == null ? "" : note.strip();
    }
  }

  @PostMapping("/alerts/{id}/acknowledge")
  Mono<Rendering> acknowledge(@PathVariable String id, @ModelAttribute Note note,
      @AuthenticationPrincipal OidcUser user, @RequestHeader(name = "HX-Request", required = false) String htmx) {
    return handled(alerts.acknowledge(id, note.text()), user, htmx);
  }

  @PostMapping("/alerts/{id}/resolve")
  Mono<Rendering> resolve(@PathVariable String id, @ModelAttribute Note note,
      @AuthenticationPrincipal OidcUser user, @RequestHeader(name = "HX-Request", required = false) String htmx) {
    return handled(alerts.resolve(id, note.text()), user, htmx);
  }

  /** Tells the page each time an alert of the officer's counties fires, is acknowledged or resolved. */
  @GetMapping(path = "/alerts/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  Flux<ServerSentEvent<String>> events(@AuthenticationPrincipal OidcUser user) {
    Flux<ServerSentEvent<String>> changes = alerts.events(Officer.of(user).scope())
        .filter(event -> event.data() != null)
        .map(event -> ServerSentEvent.builder("").event("alert").build());
    Flux<ServerSentEvent<String>> heartbeat = Flux.interval(HEARTBEAT)
        .map(tick -> ServerSentEvent.<String>builder().comment("").build());
    return Flux.merge(changes, heartbeat);
  }

  private Mono<Rendering> handled(Mono<AlertsApi.Alert> action, OidcUser user, String htmx) {
    return action.then(Mono.<String>empty())
        .onErrorResume(ApiRefusal.class, refusal -> refusal.status() == 403 || refusal.status() == 409
            || refusal.status() == 404 || refusal.status() == 422 ? Mono.just("alerts.refused." + refusal.status())
            : Mono.error(refusal))
        .map(Optional::of).defaultIfEmpty(Optional.empty())
        .flatMap(refused -> htmx != null ? list(user, "alerts :: rows", refused.orElse(null))
            : refused.isPresent() ? list(user, "alerts", refused.get())
            : Mono.just(Rendering.redirectTo("/alerts").build()));
  }

  private Mono<Rendering> list(OidcUser user, String view, String refused) {
    List<String> scope = Officer.of(user).scope();
    return alerts.open(scope).flatMap(open -> names(open, scope).map(names -> Rendering.view(view)
        .modelAttribute("alerts", open).modelAttribute("names", names).modelAttribute("refused", refused).build()));
  }

  /**
   * The names of what the alerts are about, by id: their projects, and the villages of weak-village
   * alerts. An alert's finding said in the page's language comes from its figures, which name
   * neither. A name that cannot be read is left out, and its alert shown without it.
   */
  private Mono<Map<String, String>> names(List<Alert> open, List<String> scope) {
    Flux<Map.Entry<String, String>> projectNames = open.stream().allMatch(a -> a.project() == null) ? Flux.empty()
        : projects.projectsOf(scope).flatMapIterable(found -> found).filter(p -> p.id() != null && p.name() != null)
            .map(p -> Map.entry(p.id(), p.name()));
    Flux<Map.Entry<String, String>> villageNames = Flux.fromIterable(open.stream()
            .filter(a -> "weak-village".equals(a.rule()) && a.county() != null).map(Alert::county).distinct().toList())
        .concatMap(payouts::villages).flatMapIterable(found -> found).filter(v -> v.id() != null && v.name() != null)
        .map(v -> Map.entry(v.id(), v.name()));
    // Names are a help, not the page: a service down or slow leaves them out rather than the alerts.
    return Flux.merge(projectNames.onErrorResume(e -> Flux.empty()), villageNames.onErrorResume(e -> Flux.empty()))
        .take(NAMES_WAIT)
        .collect(HashMap::new, (names, name) -> names.put(name.getKey(), name.getValue()));
  }
}
