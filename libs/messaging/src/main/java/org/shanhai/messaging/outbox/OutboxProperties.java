package org.shanhai.messaging.outbox;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the outbox relay ({@code shanhai.outbox.*}).
 *
 * @param collections the collections whose documents carry an outbox
 * @param pollInterval how often the relay looks for pending entries when nobody nudged it
 * @param lease how long one relay instance holds a document while publishing its entries; another
 *     instance takes over after it expires, so it must exceed the producer's delivery timeout
 * @param batchSize how many documents one pass reads
 * @param drainTimeout how long a stopping service keeps publishing what is pending
 */
@Validated
@ConfigurationProperties("shanhai.outbox")
public record OutboxProperties(
    @NotEmpty List<String> collections,
    @DefaultValue("250ms") Duration pollInterval,
    @DefaultValue("60s") Duration lease,
    @DefaultValue("200") int batchSize,
    @DefaultValue("10s") Duration drainTimeout) {
}
