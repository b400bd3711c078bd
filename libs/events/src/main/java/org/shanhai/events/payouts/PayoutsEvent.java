package org.shanhai.events.payouts;

import org.shanhai.events.Event;

/**
 * Facts published by the payouts service on {@link org.shanhai.events.Topics#PAYOUTS}, keyed by
 * project id where there is one (shareholdings, payouts, aid to a project), else by pairing id
 * (aid to a county) or village id (income reports).
 */
public sealed interface PayoutsEvent extends Event
    permits ShareholdingRegistered, PayoutEvent, AidTransferred, VillageIncomeReported {
}
