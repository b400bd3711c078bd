package org.shanhai.console.province;

import java.time.LocalDate;
import java.util.List;

import org.shanhai.console.ConsoleProperties;
import org.shanhai.console.api.AlertsApi;
import org.shanhai.console.api.PayoutsApi;
import org.shanhai.console.api.ProjectsApi;
import org.shanhai.console.signin.Officer;
import org.shanhai.console.web.Counties;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/** The province overview, for the provincial task force only (other users are told so). */
@Controller
class ProvinceController {

  private final ProjectsApi projects;
  private final PayoutsApi payouts;
  private final AlertsApi alerts;
  private final Counties counties;
  private final ConsoleProperties settings;

  ProvinceController(ProjectsApi projects, PayoutsApi payouts, AlertsApi alerts, Counties counties,
      ConsoleProperties settings) {
    this.projects = projects;
    this.payouts = payouts;
    this.alerts = alerts;
    this.counties = counties;
    this.settings = settings;
  }

  @GetMapping("/province")
  Mono<Rendering> overview(@AuthenticationPrincipal OidcUser user) {
    if (!Officer.of(user).isProvince()) {
      return Mono.just(Rendering.view("refused").status(HttpStatus.FORBIDDEN).modelAttribute("status", 403).build());
    }
    int year = LocalDate.now(settings.zone()).getYear();
    return Mono.zip(counties.byCode(), projects.figures(year), payouts.payoutsOf(year),
            alerts.open(List.of()), alerts.targets(year))
        .map(found -> Rendering.view("province").modelAttribute("overview", ProvinceOverview.of(year,
            found.getT1().values(), found.getT2(), found.getT3(), found.getT4(), found.getT5(),
            settings.provinceProjectTarget())).build());
  }
}
