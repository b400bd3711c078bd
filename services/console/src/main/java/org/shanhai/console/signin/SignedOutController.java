package org.shanhai.console.signin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Where the provider sends the officer back after signing out of both. */
@Controller
class SignedOutController {

  @GetMapping("/signed-out")
  String signedOut() {
    return "signed-out";
  }
}
