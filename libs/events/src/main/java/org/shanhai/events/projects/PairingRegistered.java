package org.shanhai.events.projects;

import java.time.Instant;

import org.shanhai.events.value.CountyCode;

/** A mountain county and a partner county were paired (山海协作结对). {@code until} is null while the pairing runs. */
public record PairingRegistered(
    String pairingId,
    long sequence,
    CountyCode mountainCounty,
    CountyCode partnerCounty,
    int since,
    Integer until,
    String registeredBy,
    Instant registeredAt) implements ProjectEvent {

  public static final String TYPE = "shanhai.pairing.registered.v1";

  @Override
  public String aggregateId() {
    return pairingId;
  }
}
