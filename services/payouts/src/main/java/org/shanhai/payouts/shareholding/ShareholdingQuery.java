package org.shanhai.payouts.shareholding;

import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.ProjectId;

/** Filters of the shareholdings; each null when not asked for. {@code county} is the mountain county. */
public record ShareholdingQuery(CountyCode county, String pairing, ProjectId project, String village) {

  public static final ShareholdingQuery ALL = new ShareholdingQuery(null, null, null, null);
}
