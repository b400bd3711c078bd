package org.shanhai.events.projects;

import java.time.Instant;

import org.shanhai.events.value.CountyCode;

/** A pairing stopped running after {@code until} (inclusive), e.g. 柯城—余杭 when 临平 was split out of 余杭 in 2021. */
public record PairingEnded(
    String pairingId,
    long sequence,
    CountyCode mountainCounty,
    CountyCode partnerCounty,
    int since,
    int until,
    String endedBy,
    Instant endedAt) implements ProjectEvent {

  public static final String TYPE = "shanhai.pairing.ended.v1";

  @Override
  public String aggregateId() {
    return pairingId;
  }
}
