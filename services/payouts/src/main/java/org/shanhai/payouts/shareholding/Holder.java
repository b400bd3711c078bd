package org.shanhai.payouts.shareholding;

import java.util.List;

/**
 * Who holds a shareholding: one village ({@code villageId}), or a group known by name and count
 * whose members are listed when known ("94 villages pooled 93 million yuan").
 */
public record Holder(String villageId, String name, int villageCount, List<String> villageIds) {

  /** Every village known by id: the single holder, or the group's listed members. */
  public List<String> knownVillages() {
    return villageId != null ? List.of(villageId) : villageIds;
  }
}
