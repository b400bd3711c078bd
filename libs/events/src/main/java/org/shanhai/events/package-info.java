/**
 * Shanhai Monitor's event contracts: the payload records published as CloudEvents 1.0 (binary mode,
 * JSON data) on the topics in {@link org.shanhai.events.Topics}, their type names, and a JSON Schema
 * per type under {@code org/shanhai/events/schemas/}. Changes within a version are additive only.
 */
package org.shanhai.events;
