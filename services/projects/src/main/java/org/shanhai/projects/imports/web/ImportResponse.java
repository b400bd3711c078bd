package org.shanhai.projects.imports.web;

import java.time.Instant;
import java.util.List;

import org.shanhai.projects.imports.Import;

/**
 * An import as the API shows it: its state and counts, and {@code progress} (0 to 1) through the
 * step it is in: the dry run while VALIDATING, the commit while COMMITTING. {@code header} is the
 * file's header row as written, the names of the values of its rows.
 */
record ImportResponse(
    String id,
    String kind,
    String fileName,
    String fileHash,
    long size,
    String format,
    Import.State state,
    int rows,
    int valid,
    int warnings,
    int rejected,
    int created,
    int replayed,
    double progress,
    List<String> header,
    List<String> ignoredColumns,
    String uploadedBy,
    Instant createdAt,
    Instant updatedAt,
    String failure) {

  static ImportResponse of(Import i) {
    Import.Counts c = i.counts();
    return new ImportResponse(i.id(), i.kind().wire(), i.fileName(), i.fileHash(), i.size(), i.format(), i.state(),
        c.rows(), c.valid(), c.warnings(), c.rejected(), c.created(), c.replayed(), progress(i), i.header(), i.ignoredColumns(),
        i.uploadedBy(), i.createdAt(), i.updatedAt(), i.failure());
  }

  private static double progress(Import i) {
    Import.Counts c = i.counts();
    return switch (i.state()) {
      case VALIDATING -> c.rows() == 0 ? 0 : Math.min(1, (double) (c.valid() + c.rejected()) / c.rows());
      // Rows rejected by the dry run are not committed: what is done is what was recorded or refused since.
      case COMMITTING -> c.valid() == 0 ? 0
          : Math.min(1, (double) (c.created() + c.replayed() + c.rejected() - (c.rows() - c.valid())) / c.valid());
      case VALIDATED, DONE, FAILED -> 1;
    };
  }
}
