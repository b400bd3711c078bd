package org.shanhai.alerts.targets.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import org.shanhai.alerts.targets.Target;
import org.shanhai.alerts.targets.TargetService;
import org.shanhai.events.value.Money;
import org.shanhai.web.RequestContext;
import org.shanhai.web.access.Actor;
import org.shanhai.web.paging.Page;
import org.shanhai.web.validation.Violations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Annual investment targets: {@code PUT /api/v1/targets/{scope}/{key}/{year}} with scope
 * {@code province} (key 330000), {@code county} (a GB/T code) or {@code pairing} (its id).
 */
@RestController
@RequestMapping("/api/v1/targets")
class TargetController {

  private final TargetService targets;
  private final Clock clock;

  TargetController(TargetService targets, Clock clock) {
    this.targets = targets;
    this.clock = clock;
  }

  record TargetResponse(String id, Target.Scope scope, String key, int year, Money investment, boolean isDefault,
      String setBy, Instant setAt) {

    static TargetResponse of(Target t) {
      return new TargetResponse(t.id(), t.scope(), t.key(), t.year(), t.investment(), t.setAt() == null, t.setBy(),
          t.setAt());
    }
  }

  @PutMapping("/{scope}/{key}/{year}")
  @Operation(summary = "Set the investment target of the province, a county or a pairing for a year")
  Mono<TargetResponse> set(@PathVariable String scope, @PathVariable String key, @PathVariable String year,
      @RequestBody SetTargetRequest body, Actor actor) {
    Violations v = new Violations();
    Target.Scope wanted = v.enumValue("scope", scope.toUpperCase(Locale.ROOT), Target.Scope.class);
    if (wanted == Target.Scope.PAIRING) {
      RequestContext.id("key", key, v);
    } else if (key == null || !key.matches("[0-9]{6}")) {
      v.add("key", "malformed", "key is a six-digit GB/T 2260 code");
    }
    Integer parsedYear = year(year, v);
    RequestContext.rejectQueryIfAny(v);
    return targets.set(wanted, key, parsedYear, body.investment(), actor).map(TargetResponse::of);
  }

  @GetMapping
  @Operation(summary = "List the targets of a year (this year by default), with the province's default when unset")
  Mono<Page<TargetResponse>> list(@RequestParam(required = false) String year) {
    Violations v = new Violations();
    Integer wanted = year == null ? LocalDate.now(clock).getYear() : year(year, v);
    RequestContext.rejectQueryIfAny(v);
    return targets.of(wanted).map(TargetResponse::of).collectList()
        .map((List<TargetResponse> all) -> new Page<>(all, 0, Math.max(all.size(), 1), all.size()));
  }

  private static Integer year(String value, Violations v) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      v.add("year", "malformed", "year is a calendar year such as 2026");
      return null;
    }
  }
}
