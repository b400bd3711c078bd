package org.shanhai.console.subscriptions;

import java.util.Map;
import java.util.Set;

import org.shanhai.console.api.AlertsApi.Subscription;
import org.shanhai.console.api.AlertsApi;
import org.shanhai.console.api.ApiRefusal;
import org.shanhai.console.api.Problem.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * An officer's webhook subscriptions (all of them for the province): subscribing (the signing secret
 * is shown on the answer page only, never stored by the console), sending a test notification,
 * following the recent deliveries and their outcome, and disabling or enabling one.
 */
@Controller
class SubscriptionsController {

  private static final Set<String> ACTIONS = Set.of("test", "disable", "enable");

  private final AlertsApi alerts;

  SubscriptionsController(AlertsApi alerts) {
    this.alerts = alerts;
  }

  @GetMapping("/subscriptions")
  Mono<Rendering> list() {
    return page(SubscriptionForm.empty(), Map.of(), null).map(Rendering.Builder::build);
  }

  @PostMapping("/subscriptions")
  Mono<Rendering> subscribe(@ModelAttribute SubscriptionForm form) {
    return alerts.subscribe(form.toSubscription(), form.key())
        .flatMap(created -> page(SubscriptionForm.empty(), Map.of(), created))
        .map(Rendering.Builder::build)
        .onErrorResume(ApiRefusal.class, refusal -> refusal.status() == 422 || refusal.status() == 400
            ? page(form, refusal.problem().byField(SubscriptionForm::shows), null)
                .map(page -> page.status(HttpStatus.UNPROCESSABLE_CONTENT).build())
            : Mono.error(refusal));
  }

  @GetMapping("/subscriptions/{id}")
  Mono<Rendering> subscription(@PathVariable String id, @RequestParam(required = false) String done,
      @RequestParam(required = false) String refused) {
    return Mono.zip(alerts.subscription(id), alerts.deliveries(id))
        .map(found -> Rendering.view("subscription").modelAttribute("subscription", found.getT1())
            .modelAttribute("deliveries", found.getT2())
            .modelAttribute("done", done != null && ACTIONS.contains(done) ? done : null)
            .modelAttribute("refused", refused != null).build());
  }

  @PostMapping("/subscriptions/{id}/{action}")
  Mono<Rendering> act(@PathVariable String id, @PathVariable String action) {
    if (!ACTIONS.contains(action)) {
      return Mono.just(Rendering.view("refused").status(HttpStatus.NOT_FOUND).modelAttribute("status", 404).build());
    }
    // Testing a disabled subscription is refused (422): the page says to enable it first.
    return alerts.act(id, action).thenReturn(Rendering.redirectTo("/subscriptions/" + id + "?done=" + action).build())
        .onErrorResume(ApiRefusal.class, refusal -> refusal.status() == 422
            ? Mono.just(Rendering.redirectTo("/subscriptions/" + id + "?refused=1").build()) : Mono.error(refusal));
  }

  private Mono<Rendering.Builder<?>> page(SubscriptionForm form, Map<String, FieldError> errors, Subscription created) {
    return alerts.subscriptions().map(all -> Rendering.view("subscriptions").modelAttribute("subscriptions", all)
        .modelAttribute("form", form).modelAttribute("errors", errors).modelAttribute("created", created));
  }
}
