package org.shanhai.payouts.shareholding;

/** How a shareholding's yearly return is set: a guaranteed minimum rate on the capital (保底收益) or a fixed amount (固定收益). */
public enum ReturnType {
  GUARANTEED_MINIMUM,
  FIXED
}
