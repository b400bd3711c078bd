package org.shanhai.console.signin;

import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where an officer lands outside the console's pages: back from the provider after signing out of both;
 * after a sign-in that did not complete ({@value #FAILED}); after a form the session no longer knew,
 * so nothing was saved ({@value #EXPIRED}). Open to everyone: the officer may have no session.
 */
@Controller
class SignedOutController {

  /** This page, as mapped below (a literal there, so that the ingress's test finds it). */
  static final String PATH = "/signed-out";
  static final String FAILED = "failed";
  static final String EXPIRED = "expired";

  @GetMapping("/signed-out")
  String signedOut(@RequestParam(required = false) String why, Model model) {
    model.addAttribute("why", why != null && Set.of(FAILED, EXPIRED).contains(why) ? why : null);
    return "signed-out";
  }
}
