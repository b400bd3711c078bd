package org.shanhai.messaging.consumer;

/** An event no retry can make acceptable: it lacks what its type promises, or its data does not read as its record. */
public final class PoisonEvent extends RuntimeException {

  public PoisonEvent(String message) {
    super(message);
  }

  public PoisonEvent(String message, Throwable cause) {
    super(message, cause);
  }
}
