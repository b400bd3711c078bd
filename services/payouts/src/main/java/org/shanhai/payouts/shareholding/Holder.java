package org.shanhai.payouts.shareholding;

import java.util.List;
import java.util.Map;

import org.shanhai.payouts.projection.ProjectView;
import org.shanhai.web.validation.Violations;

/**
 * Who holds a shareholding: one village ({@code villageId}), or a group known by name and count
 * whose members are listed when known ("94 villages pooled 93 million yuan").
 */
public record Holder(String villageId, String name, int villageCount, List<String> villageIds) {

  static final int MAX_VILLAGES = 10_000;

  /** Every village known by id: the single holder, or the group's listed members. */
  public List<String> knownVillages() {
    return villageId != null ? List.of(villageId) : villageIds;
  }

  /**
   * The holder {@code h} names, checked against the villages registered ({@code knownVillages}) and
   * the project's mountain county; problems go to {@code v}. Null when none was named.
   */
  static Holder of(ShareholdingRegistration.NamedHolder h, ProjectView project,
      Map<String, Shareholding.KnownVillage> knownVillages, Violations v) {
    if (h == null) {
      return null;
    }
    List<String> ids = h.named();
    for (String villageId : ids) {
      Shareholding.KnownVillage village = knownVillages.get(villageId);
      if (village == null) {
        v.add("holder", "unknown-village", "village " + villageId + " is not registered");
      } else if (project != null && !village.county().equals(project.mountainCounty())) {
        v.add("holder", "other-county", "village " + villageId + " is not in " + project.mountainCounty()
            + ", the mountain county of this project's pairing");
      }
    }
    if (h.villageId() != null) {
      v.check(h.villageIds() == null && (h.villageCount() == null || h.villageCount() == 1), "holder", "ambiguous",
          "a holder is one village (villageId) or a group (name, villageCount, villageIds), not both");
      Shareholding.KnownVillage village = knownVillages.get(h.villageId());
      String name = h.name() != null ? h.name() : village != null ? village.name() : h.villageId();
      return new Holder(h.villageId(), name, 1, List.of());
    }
    v.check(h.name() != null && !h.name().isBlank() && h.name().length() <= 200, "holder.name", "required",
        "a group of villages needs a name of up to 200 characters");
    int count = h.villageCount() == null ? ids.size() : h.villageCount();
    v.check(count >= Math.max(1, ids.size()) && count <= MAX_VILLAGES, "holder.villageCount", "out-of-range",
        "villageCount must be at least the villages listed and at most " + MAX_VILLAGES);
    return new Holder(null, h.name(), count, List.copyOf(ids));
  }
}
