package org.shanhai.projects.project;

import org.shanhai.events.value.CountyCode;

/** Filters of the project list; each is null when not asked for. {@code county} matches either side of the pairing. */
public record ProjectQuery(String pairingId, CountyCode county, ProjectKind kind, ProjectStatus status) {
}
