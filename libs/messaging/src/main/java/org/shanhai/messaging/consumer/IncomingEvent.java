package org.shanhai.messaging.consumer;

import java.time.Instant;

import org.shanhai.events.Event;

/**
 * A CloudEvent as a consumer receives it: its CloudEvents attributes, the JSON data as it came
 * (for those who pass it on, such as a webhook's body), and the data as its {@code libs/events}
 * record. Read by {@link EventReader}.
 */
public record IncomingEvent(String id, String type, String subject, long sequence, Instant time, String data,
    Event event) {
}
