package org.shanhai.projects.project;

/** Filters of the project list; each is null when not asked for. {@code county} matches either side of the pairing. */
public record ProjectQuery(String pairingId, String county, ProjectKind kind, ProjectStatus status) {
}
