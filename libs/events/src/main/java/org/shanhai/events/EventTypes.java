package org.shanhai.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.shanhai.events.alerts.AlertAcknowledged;
import org.shanhai.events.alerts.AlertEscalated;
import org.shanhai.events.alerts.AlertFired;
import org.shanhai.events.alerts.AlertResolved;
import org.shanhai.events.payouts.AidTransferred;
import org.shanhai.events.payouts.PayoutDisbursed;
import org.shanhai.events.payouts.PayoutDue;
import org.shanhai.events.payouts.PayoutOverdue;
import org.shanhai.events.payouts.PayoutScheduled;
import org.shanhai.events.payouts.ShareholdingRegistered;
import org.shanhai.events.payouts.VillageIncomeReported;
import org.shanhai.events.projects.PairingEnded;
import org.shanhai.events.projects.PairingRegistered;
import org.shanhai.events.projects.ProgressReported;
import org.shanhai.events.projects.ProjectRegistered;
import org.shanhai.events.projects.ProjectStatusChanged;

/**
 * Every event type there is, with the record its data reads as: the one place a CloudEvents
 * {@code type} and its record are paired, for producers ({@link Event#type()}) and consumers alike.
 * Each type has a JSON Schema ({@code schemas/<type>.json}) and a golden sample of its data
 * ({@code samples/<type>.json}) beside this class.
 */
public final class EventTypes {

  private static final Map<String, Class<? extends Event>> RECORDS = Map.ofEntries(
      Map.entry(PairingRegistered.TYPE, PairingRegistered.class),
      Map.entry(PairingEnded.TYPE, PairingEnded.class),
      Map.entry(ProjectRegistered.TYPE, ProjectRegistered.class),
      Map.entry(ProgressReported.TYPE, ProgressReported.class),
      Map.entry(ProjectStatusChanged.TYPE, ProjectStatusChanged.class),
      Map.entry(ShareholdingRegistered.TYPE, ShareholdingRegistered.class),
      Map.entry(PayoutScheduled.TYPE, PayoutScheduled.class),
      Map.entry(PayoutDue.TYPE, PayoutDue.class),
      Map.entry(PayoutDisbursed.TYPE, PayoutDisbursed.class),
      Map.entry(PayoutOverdue.TYPE, PayoutOverdue.class),
      Map.entry(AidTransferred.TYPE, AidTransferred.class),
      Map.entry(VillageIncomeReported.TYPE, VillageIncomeReported.class),
      Map.entry(AlertFired.TYPE, AlertFired.class),
      Map.entry(AlertEscalated.TYPE, AlertEscalated.class),
      Map.entry(AlertAcknowledged.TYPE, AlertAcknowledged.class),
      Map.entry(AlertResolved.TYPE, AlertResolved.class));

  private static final Map<Class<?>, String> TYPES = RECORDS.entrySet().stream()
      .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

  private EventTypes() {
  }

  /** The record an event of {@code type} reads as; empty for a type this version does not know. */
  public static Optional<Class<? extends Event>> recordOf(String type) {
    return Optional.ofNullable(type).map(RECORDS::get);
  }

  /** The type of the events {@code record} carries. */
  public static String typeOf(Class<? extends Event> record) {
    String type = TYPES.get(record);
    if (type == null) {
      throw new IllegalArgumentException(record.getName() + " is not an event record of EventTypes");
    }
    return type;
  }

  /** Every type, e.g. for checking that each has a schema and a golden sample. */
  public static Set<String> all() {
    return RECORDS.keySet();
  }

  /** The types whose records are {@code family} (e.g. every {@code ProjectEvent}). */
  public static Set<String> of(Class<? extends Event> family) {
    return RECORDS.entrySet().stream().filter(e -> family.isAssignableFrom(e.getValue()))
        .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
  }

  /**
   * The golden sample of {@code type}'s data: what its producer publishes, fed to every consumer of
   * the type by the consumers' contract tests, so a change that would break one fails the build.
   */
  public static String sample(String type) {
    String path = "samples/" + type + ".json";
    try (InputStream in = EventTypes.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no golden sample for " + type);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
