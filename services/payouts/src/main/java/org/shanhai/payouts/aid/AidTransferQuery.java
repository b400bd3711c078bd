package org.shanhai.payouts.aid;

import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.ProjectId;

/** Filters of the aid transfers, each null when not asked for; {@code county} is either side. */
public record AidTransferQuery(String pairing, CountyCode county, ProjectId project, String village,
    AidTransfer.TransactionType type) {
}
