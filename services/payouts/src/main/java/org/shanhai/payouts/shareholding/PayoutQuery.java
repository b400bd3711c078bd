package org.shanhai.payouts.shareholding;

import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.ProjectId;

/** Filters of the payout list; each null when not asked for. {@code county} is the mountain county. */
public record PayoutQuery(CountyCode county, ProjectId project, String village, PayoutStatus status, Integer year) {
}
