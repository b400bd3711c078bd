package org.shanhai.projects.project;

/** What a cooperation project is. Enclaves (飞地) sit in another county's territory, usually the partner's. */
public enum ProjectKind {
  INDUSTRIAL_PROJECT,
  INDUSTRIAL_ENCLAVE,
  SCI_TECH_ENCLAVE,
  WEAK_VILLAGE_ENCLAVE,
  TALENT_ENCLAVE,
  INDUSTRIAL_PARK,
  ECO_TOURISM_PARK,
  RURAL_REVITALISATION_SITE,
  CONSUMPTION_SUPPORT;

  /** Enclaves and co-built parks can host other projects and take village shareholdings. */
  public boolean isEnclaveOrPark() {
    return switch (this) {
      case INDUSTRIAL_ENCLAVE, SCI_TECH_ENCLAVE, WEAK_VILLAGE_ENCLAVE, TALENT_ENCLAVE, INDUSTRIAL_PARK,
          ECO_TOURISM_PARK -> true;
      default -> false;
    };
  }
}
