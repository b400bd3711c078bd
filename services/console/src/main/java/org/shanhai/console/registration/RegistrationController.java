package org.shanhai.console.registration;

import java.util.Map;

import org.shanhai.console.api.ApiRefusal;
import org.shanhai.console.api.Problem.FieldError;
import org.shanhai.console.api.ProjectsApi.Pairing;
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
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * Registering a project under a pairing, with its investment plan as rows the officer adds and
 * removes (each a button of the same form, so it works without scripts too). The projects service
 * checks the registration; its errors are shown at their fields, plan rows included.
 */
@Controller
class RegistrationController {

  private final ProjectsApi projects;

  RegistrationController(ProjectsApi projects) {
    this.projects = projects;
  }

  @GetMapping("/pairings/{pairing}/projects/new")
  Mono<Rendering> form(@PathVariable String pairing, @AuthenticationPrincipal OidcUser user) {
    return projects.pairing(pairing).map(found -> mayRegister(Officer.of(user), found)
        ? form(found, RegistrationForm.empty(found.mountainCounty()), Map.of()).build()
        : refused());
  }

  /**
   * Saves the registration, or, for the row buttons ({@code addRow}, {@code removeRow}), shows the
   * form again with a row more or less.
   */
  /** Which of the form's row buttons was pressed, if any. */
  record RowButton(String addRow, Integer removeRow) {
  }

  @PostMapping("/pairings/{pairing}/projects")
  Mono<Rendering> register(@PathVariable String pairing, @ModelAttribute RegistrationForm form,
      @ModelAttribute RowButton button, @AuthenticationPrincipal OidcUser user) {
    return projects.pairing(pairing).flatMap(found -> {
      if (!mayRegister(Officer.of(user), found)) {
        return Mono.just(refused());
      }
      if (button.addRow() != null) {
        return Mono.just(form(found, form.withRow(), Map.of()).build());
      }
      if (button.removeRow() != null) {
        return Mono.just(form(found, form.withoutRow(button.removeRow()), Map.of()).build());
      }
      Map<String, String> unreadable = form.unreadable();
      if (!unreadable.isEmpty()) {
        Map<String, FieldError> errors = FormInput.fieldErrors(unreadable);
        return Mono.just(form(found, form, errors).status(HttpStatus.UNPROCESSABLE_CONTENT).build());
      }
      return projects.register(form.toRegistration(pairing), form.key())
          .map(project -> Rendering.redirectTo("/projects/" + project.id() + "?registered=1").build())
          .onErrorResume(ApiRefusal.class, refusal -> refusal.status() == 422 || refusal.status() == 400
              ? Mono.just(form(found, form, refusal.problem().byField(RegistrationForm::shows))
                  .status(HttpStatus.UNPROCESSABLE_CONTENT).build())
              : Mono.error(refusal));
    });
  }

  private static Rendering.Builder<?> form(Pairing pairing, RegistrationForm form, Map<String, FieldError> errors) {
    return Rendering.view("register").modelAttribute("pairing", pairing).modelAttribute("form", form)
        .modelAttribute("errors", errors);
  }

  private static Rendering refused() {
    return Rendering.view("refused").status(HttpStatus.FORBIDDEN).modelAttribute("status", 403).build();
  }

  private static boolean mayRegister(Officer officer, Pairing pairing) {
    return pairing.active() && officer.actsForEither(pairing.mountainCounty(), pairing.partnerCounty());
  }
}
