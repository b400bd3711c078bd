package org.shanhai.console.dividends;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.shanhai.console.api.PayoutsApi.Payment;

/**
 * Money paid towards one payout, as the partner side's officer typed it: the amount in 万元 (the unit
 * of the payout notices), the day it was paid and the bank reference. {@code key} is made when the
 * page is shown and sent as the Idempotency-Key, so a resent form records the payment once.
 */
public record DisbursementForm(String amount, String paidOn, String reference, String key) {

  private static final BigDecimal WAN = BigDecimal.valueOf(10_000);

  /** The fields the console cannot read as a number or a date, with their message keys. */
  Map<String, String> unreadable() {
    Map<String, String> errors = new LinkedHashMap<>();
    if (amount != null && !amount.isBlank() && decimal(amount) == null) {
      errors.put("amount", "form.error.number");
    }
    if (paidOn != null && !paidOn.isBlank()) {
      try {
        LocalDate.parse(paidOn.strip());
      } catch (DateTimeParseException e) {
        errors.put("paidOn", "form.error.date");
      }
    }
    return errors;
  }

  /** The payment for the API, in yuan; blanks are left for the API to call required. */
  Payment toPayment() {
    BigDecimal wan = amount == null || amount.isBlank() ? null : decimal(amount);
    return new Payment(wan == null ? null : wan.multiply(WAN).setScale(2, RoundingMode.HALF_UP),
        paidOn == null || paidOn.isBlank() ? null : LocalDate.parse(paidOn.strip()),
        reference == null || reference.isBlank() ? null : reference.strip());
  }

  private static BigDecimal decimal(String text) {
    try {
      return new BigDecimal(text.strip().replace(",", "").replace("，", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
