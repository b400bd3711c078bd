package org.shanhai.alerts.targets.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.shanhai.alerts.config.AlertsProperties;
import org.shanhai.alerts.targets.Target;
import org.shanhai.alerts.targets.TargetService;
import org.shanhai.web.RequestContext;
import org.shanhai.web.paging.Page;
import org.shanhai.web.validation.Violations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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
  private final RequestContext context;
  private final Clock clock;

  TargetController(TargetService targets, RequestContext context, AlertsProperties properties, Clock clock) {
    this.targets = targets;
    this.context = context;
    this.clock = clock.withZone(properties.zone());
  }

  record TargetResponse(String id, Target.Scope scope, String key, int year,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal investment, boolean isDefault, String setBy,
      Instant setAt) {

    static TargetResponse of(Target t) {
      return new TargetResponse(t.id(), t.scope(), t.key(), t.year(), t.investment(), t.setAt() == null, t.setBy(),
          t.setAt());
    }
  }

  @PutMapping("/{scope}/{key}/{year}")
  Mono<TargetResponse> set(@PathVariable String scope, @PathVariable String key, @PathVariable String year,
      @RequestBody Target.Request body, @RequestHeader(name = RequestContext.USER, required = false) String user) {
    String actor = context.user(user);
    Violations v = new Violations();
    Target.Scope wanted = v.enumValue("scope", scope.toUpperCase(java.util.Locale.ROOT), Target.Scope.class);
    if (wanted == Target.Scope.PAIRING) {
      RequestContext.id("key", key, v);
    } else {
      RequestContext.countyCode("key", key, v);
    }
    Integer parsedYear = year(year, v);
    RequestContext.rejectQueryIfAny(v);
    return targets.set(wanted, key, parsedYear, body, actor).map(TargetResponse::of);
  }

  @GetMapping
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
