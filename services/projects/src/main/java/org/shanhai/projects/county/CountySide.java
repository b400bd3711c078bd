package org.shanhai.projects.county;

/** Which side of a pairing a county stands on: the mountain county receives, the partner supports. */
public enum CountySide {
  MOUNTAIN,
  PARTNER
}
