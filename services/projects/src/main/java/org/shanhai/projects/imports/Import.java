package org.shanhai.projects.imports;

import java.time.Instant;
import java.util.List;

import org.shanhai.web.access.Actor;

/**
 * An uploaded file on its way in: checked row by row (VALIDATING, then VALIDATED: the dry run),
 * then, when asked, recorded row by row (COMMITTING, then DONE). FAILED when it could not go on.
 * Its state lives in MongoDB, so a restart resumes it where it stopped.
 *
 * @param fileHash the SHA-256 of the file's bytes, which with each row's number keys what the row records
 * @param header the header row as written
 * @param ignoredColumns header names that match no column
 * @param uploadedBy who uploaded it: it is theirs (and the province's) to see and commit
 * @param actor who uploaded it, then who committed it: the rights each row is checked against
 * @param failure why it FAILED (null otherwise)
 */
public record Import(
    String id,
    ImportKind kind,
    String fileName,
    String fileHash,
    long size,
    String format,
    List<String> header,
    List<String> ignoredColumns,
    State state,
    Counts counts,
    String uploadedBy,
    Actor actor,
    Instant createdAt,
    Instant updatedAt,
    String failure) {

  public enum State {
    VALIDATING, VALIDATED, COMMITTING, DONE, FAILED;

    /** Whether nothing more will happen to it without somebody asking. */
    public boolean isSettled() {
      return this != VALIDATING && this != COMMITTING;
    }
  }

  /**
   * @param rows data rows in the file
   * @param valid rows the dry run found no error in (those with warnings included)
   * @param warnings rows with warnings
   * @param rejected rows kept out: errors in the dry run, or refused when committed
   * @param created rows that recorded something new
   * @param replayed rows recorded before (the same file imported again, or a commit resumed)
   */
  public record Counts(int rows, int valid, int warnings, int rejected, int created, int replayed) {
  }
}
