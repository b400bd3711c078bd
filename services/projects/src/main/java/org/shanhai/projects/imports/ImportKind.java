package org.shanhai.projects.imports;

import java.util.Locale;

/** What a file imports: project registrations (项目清单) or progress reports (进度表). */
public enum ImportKind {
  PROJECTS,
  UPDATES;

  /** The name in URLs and the {@code kind} part of an upload. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind named {@code wire}, or null when there is none. */
  public static ImportKind fromWire(String wire) {
    for (ImportKind kind : values()) {
      if (kind.wire().equals(wire)) {
        return kind;
      }
    }
    return null;
  }
}
