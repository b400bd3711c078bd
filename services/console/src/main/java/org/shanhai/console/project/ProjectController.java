package org.shanhai.console.project;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.shanhai.console.ConsoleProperties;
import org.shanhai.console.api.ApiRefusal;
import org.shanhai.console.api.PayoutsApi;
import org.shanhai.console.api.Problem.FieldError;
import org.shanhai.console.api.ProjectsApi.Project;
import org.shanhai.console.api.ProjectsApi.Warning;
import org.shanhai.console.api.ProjectsApi;
import org.shanhai.console.signin.Officer;
import org.shanhai.console.web.FormInput;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * A project's page (its facts, cumulative investment against the plan, its updates, shareholdings
 * and payouts) and the progress report form. The form is checked by the projects service itself
 * (a dry run) before anything is saved: its errors are shown at their fields, its warnings are
 * shown for the officer to confirm; only then is the update recorded, once (Idempotency-Key) and
 * only over the version the officer saw (If-Match).
 */
@Controller
class ProjectController {

  private final ProjectsApi projects;
  private final PayoutsApi payouts;
  private final ConsoleProperties settings;

  ProjectController(ProjectsApi projects, PayoutsApi payouts, ConsoleProperties settings) {
    this.projects = projects;
    this.payouts = payouts;
    this.settings = settings;
  }

  @GetMapping("/projects/{id}")
  Mono<Rendering> project(@PathVariable String id, @RequestParam(required = false) String reported,
      @RequestParam(required = false) String registered, @AuthenticationPrincipal OidcUser user) {
    return Mono.zip(projects.project(id), projects.updates(id), payouts.shareholdings(id), payouts.payouts(id))
        .map(found -> {
          Project project = found.getT1();
          return Rendering.view("project")
              .modelAttribute("project", project)
              .modelAttribute("updates", found.getT2())
              .modelAttribute("chart", InvestmentChart.of(project.investmentPlan(), found.getT2()))
              .modelAttribute("shareholdings", found.getT3())
              .modelAttribute("payouts", found.getT4())
              .modelAttribute("mayReport", mayReport(Officer.of(user), project))
              .modelAttribute("reported", reported != null)
              .modelAttribute("registered", registered != null)
              .build();
        });
  }

  @GetMapping("/projects/{id}/report")
  Mono<Rendering> form(@PathVariable String id, @AuthenticationPrincipal OidcUser user) {
    return projects.project(id).map(project -> {
      if (!mayReport(Officer.of(user), project)) {
        return notYours(project);
      }
      return form(project, ReportForm.blank(project, LocalDate.now(settings.zone())), Map.of(), List.of())
          .build();
    });
  }

  @PostMapping("/projects/{id}/report")
  Mono<Rendering> report(@PathVariable String id, @ModelAttribute ReportForm form) {
    return projects.project(id).flatMap(project -> {
      Map<String, String> unreadable = form.unreadable();
      if (!unreadable.isEmpty()) {
        Map<String, FieldError> errors = FormInput.fieldErrors(unreadable);
        return Mono.just(form(project, form, errors, List.of()).status(HttpStatus.UNPROCESSABLE_CONTENT).build());
      }
      Mono<Rendering> save = save(project, form);
      if (form.confirmed()) {
        return save;
      }
      return projects.check(id, form.toReport())
          .flatMap(checked -> checked.warnings().isEmpty() ? save
              : Mono.just(form(project, form, Map.of(), checked.warnings()).build()))
          .onErrorResume(ApiRefusal.class, refusal -> refusal.status() == 422 || refusal.status() == 400
              ? Mono.just(form(project, form, refusal.problem().byField(ReportForm::shows), List.of())
                  .status(HttpStatus.UNPROCESSABLE_CONTENT).build())
              : Mono.error(refusal));
    });
  }

  private Mono<Rendering> save(Project project, ReportForm form) {
    return projects.report(project.id(), form.toReport(), form.key(), form.version())
        .map(saved -> Rendering.redirectTo("/projects/" + project.id() + "?reported=" + saved.id()).build())
        .onErrorResume(ApiRefusal.class, refusal -> switch (refusal.status()) {
          // Someone reported meanwhile: show their figures, keep the officer's, and let them save again.
          case 412 -> projects.project(project.id()).map(current -> form(current, form.against(current.version()),
              Map.of(), List.of()).modelAttribute("conflict", true).status(HttpStatus.PRECONDITION_FAILED).build());
          case 422, 400 -> Mono.just(form(project, form, refusal.problem().byField(ReportForm::shows), List.of())
              .status(HttpStatus.UNPROCESSABLE_CONTENT).build());
          default -> Mono.error(refusal);
        });
  }

  private static Rendering.Builder<?> form(Project project, ReportForm form, Map<String, FieldError> errors,
      List<Warning> warnings) {
    return Rendering.view("report").modelAttribute("project", project).modelAttribute("form", form)
        .modelAttribute("errors", errors).modelAttribute("warnings", warnings);
  }

  /** What an officer of neither county is told if they come to the form by its address. */
  private static Rendering notYours(Project project) {
    return Rendering.view("refused").status(HttpStatus.FORBIDDEN).modelAttribute("status", 403)
        .modelAttribute("project", project).build();
  }

  private static boolean mayReport(Officer officer, Project project) {
    return officer.actsForEither(project.mountainCounty(), project.partnerCounty());
  }
}
