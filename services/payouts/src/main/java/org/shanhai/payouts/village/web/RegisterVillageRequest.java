package org.shanhai.payouts.village.web;

import org.shanhai.payouts.village.VillageRegistration;

/** {@code POST /api/v1/villages}: a village collective of a mountain county. */
record RegisterVillageRequest(String name, String county, String township) {

  VillageRegistration toCommand() {
    return new VillageRegistration(name, county, township);
  }
}
