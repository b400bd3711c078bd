package org.shanhai.console.web;

import org.shanhai.console.api.ApiRefusal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.result.view.Rendering;

/**
 * A service's refusal that a page did not handle itself, shown as a page that says what happened
 * in plain words: not allowed (403), not there (404), or the service's own explanation.
 */
@ControllerAdvice
class Refusals {

  @ExceptionHandler(ApiRefusal.class)
  Rendering refused(ApiRefusal refusal) {
    return Rendering.view("refused").status(HttpStatus.valueOf(refusal.status() >= 400 ? refusal.status() : 502))
        .modelAttribute("refusal", refusal.problem()).modelAttribute("status", refusal.status()).build();
  }
}
