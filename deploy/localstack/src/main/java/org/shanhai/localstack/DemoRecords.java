package org.shanhai.localstack;

/** How the fixtures' words translate into the API's: kinds, statuses, stages, partial dates. */
final class DemoRecords {

  private DemoRecords() {
  }

  /** A platform's kind; one the sources do not name is an industrial enclave, the commonest. */
  static String platformKind(String kind) {
    return switch (kind == null ? "" : kind) {
      case "innovation_enclave" -> "SCI_TECH_ENCLAVE";
      case "weak_village_enclave" -> "WEAK_VILLAGE_ENCLAVE";
      case "talent_enclave" -> "TALENT_ENCLAVE";
      case "mountain_sea_industrial_park", "enclave_industrial_park" -> "INDUSTRIAL_PARK";
      case "eco_tourism_culture_park" -> "ECO_TOURISM_PARK";
      case "rural_revitalization_demo_site", "rural_revitalization_community" -> "RURAL_REVITALISATION_SITE";
      default -> "INDUSTRIAL_ENCLAVE";
    };
  }

  static String projectKind(String category) {
    return switch (category) {
      case "enclave_construction" -> "WEAK_VILLAGE_ENCLAVE";
      case "cultural_tourism", "infrastructure" -> "ECO_TOURISM_PARK";
      case "rural_revitalization_aid", "rural_industry", "agriculture" -> "RURAL_REVITALISATION_SITE";
      case "consumption_support_facility" -> "CONSUMPTION_SUPPORT";
      default -> "INDUSTRIAL_PROJECT";
    };
  }

  /** The fixtures' status words, in DESIGN.md's status line. */
  static String status(String reported) {
    return switch (reported) {
      case "started", "under_construction", "resumed" -> "UNDER_CONSTRUCTION";
      case "landed", "intent_signed", "investment_agreement_signed" -> "SIGNED";
      case "completed", "in_use" -> "COMPLETED";
      case "in_production", "trial_production" -> "IN_PRODUCTION";
      default -> "PLANNED";
    };
  }

  static String stage(String stage) {
    return switch (stage) {
      case "operating" -> "IN_PRODUCTION";
      case "under_construction", "about_to_start", "construction_ready" -> "UNDER_CONSTRUCTION";
      case "completed" -> "COMPLETED";
      case "framework_agreement_signed", "co_construction_agreement_signed", "agreed" -> "SIGNED";
      default -> "PLANNED";
    };
  }

  /** The first day of a partial date ({@code 2019} or {@code 2020-01}). */
  static String startOf(String partialDate) {
    return partialDate.length() == 4 ? partialDate + "-01-01"
        : partialDate.length() == 7 ? partialDate + "-01" : partialDate;
  }
}
