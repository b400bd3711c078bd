package org.shanhai.console.home;

import java.time.LocalDate;
import java.util.List;

import org.shanhai.console.ConsoleProperties;
import org.shanhai.console.api.AlertsApi;
import org.shanhai.console.api.ProjectsApi.Pairing;
import org.shanhai.console.api.ProjectsApi.Project;
import org.shanhai.console.api.ProjectsApi;
import org.shanhai.console.signin.Officer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * The home page: the officer's pairings with their projects (status, planned against completed
 * investment, the last report), the projects whose report is overdue, and the open alerts of their
 * counties. The province and viewers see the whole programme.
 */
@Controller
class HomeController {

  private final ProjectsApi projects;
  private final AlertsApi alerts;
  private final ConsoleProperties settings;

  HomeController(ProjectsApi projects, AlertsApi alerts, ConsoleProperties settings) {
    this.projects = projects;
    this.alerts = alerts;
    this.settings = settings;
  }

  @GetMapping("/")
  Mono<Rendering> home(@AuthenticationPrincipal OidcUser user) {
    List<String> scope = Officer.of(user).scope();
    Mono<List<Pairing>> pairings = projects.pairingsOf(scope);
    Mono<List<Project>> list = projects.projectsOf(scope);
    LocalDate today = LocalDate.now(settings.zone());
    return Mono.zip(pairings, list, alerts.open(scope)).map(found -> Rendering.view("home")
        .modelAttribute("pairings", PairingSummary.of(found.getT1(), found.getT2()))
        .modelAttribute("overdue", PairingSummary.overdue(found.getT2(), today, settings.reportPeriod()))
        .modelAttribute("alerts", found.getT3())
        .build());
  }
}
