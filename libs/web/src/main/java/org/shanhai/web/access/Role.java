package org.shanhai.web.access;

/** What a signed-in user is to the programme; the identity provider gives it in the token. */
public enum Role {
  /** A county programme officer: reads everything, writes for their own counties. */
  OFFICER,
  /** The provincial task force: reads and writes everything, and administers. */
  PROVINCE,
  /** Reads everything, writes nothing. */
  VIEWER
}
