package org.shanhai.payouts.projection;

/**
 * What the payouts service knows of a project, from the projects service's events: enough to
 * accept a shareholding in it and to label its payouts.
 */
public record ProjectView(
    String projectId,
    String name,
    String pairingId,
    String mountainCounty,
    String partnerCounty,
    String hostCounty,
    String kind,
    String status) {

  /** Enclaves and co-built parks take village shareholdings. */
  public boolean takesShareholdings() {
    return kind != null && (kind.endsWith("_ENCLAVE") || kind.endsWith("_PARK"));
  }
}
