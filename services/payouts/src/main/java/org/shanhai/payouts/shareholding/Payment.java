package org.shanhai.payouts.shareholding;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What an officer sends to record money paid towards a payout (分红到账); nothing is trusted yet. */
public record Payment(BigDecimal amount, LocalDate paidOn, String reference) {
}
