package org.shanhai.alerts.targets.web;

import java.math.BigDecimal;

/** {@code PUT /api/v1/targets/{scope}/{key}/{year}}: the yuan of investment to complete in the year. */
record SetTargetRequest(BigDecimal investment) {
}
