package org.shanhai.console.dividends;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.shanhai.console.api.PayoutsApi.Payment;
import org.shanhai.console.web.FormInput;

/**
 * Money paid towards one payout, as the partner side's officer typed it: the amount in 万元 (the unit
 * of the payout notices), the day it was paid and the bank reference. {@code key} is made when the
 * page is shown and sent as the Idempotency-Key, so a resent form records the payment once.
 */
public record DisbursementForm(String amount, String paidOn, String reference, String key) {

  /** Whether the form has an input for the API's {@code field}, where its error is shown. */
  static boolean shows(String field) {
    return Set.of("amount", "paidOn", "reference").contains(field);
  }

  /** The fields the console cannot read as a number or a date, with their message keys. */
  Map<String, String> unreadable() {
    Map<String, String> errors = new LinkedHashMap<>();
    FormInput.number("amount", amount, errors);
    FormInput.date("paidOn", paidOn, errors);
    return errors;
  }

  /** The payment for the API, in yuan; blanks are left for the API to call required. */
  Payment toPayment() {
    return new Payment(FormInput.yuan(amount), FormInput.localDate(paidOn),
        FormInput.blank(reference) ? null : reference.strip());
  }
}
