package org.shanhai.console.api;

import java.time.Instant;
import java.util.List;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.codec.multipart.FilePart;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The projects service's bulk import, as the signed-in officer. */
public final class ImportsApi {

  private final ServiceApi api;

  public ImportsApi(ServiceApi api) {
    this.api = api;
  }

  /** An import: its state, counts and {@code progress} (0 to 1) through its step; {@code header} names the values of its rows. */
  public record Import(String id, String kind, String fileName, String state, int rows, int valid, int warnings,
      int rejected, int created, int replayed, double progress, List<String> header, List<String> ignoredColumns,
      String uploadedBy, Instant createdAt, String failure) {

    public Import {
      header = header == null ? List.of() : List.copyOf(header);
      ignoredColumns = ignoredColumns == null ? List.of() : List.copyOf(ignoredColumns);
    }

    /** Whether the service is still at work on it (a page then follows its progress). */
    public boolean working() {
      return state.equals("VALIDATING") || state.equals("COMMITTING");
    }

    public int percent() {
      return (int) Math.round(progress * 100);
    }
  }

  /** Something wrong or worth a look in a row, at its cell ({@code D7}) when there is one. */
  public record Issue(String field, String column, String cell, String code, String message) {
  }

  public record Row(int number, List<String> values, String verdict, List<Issue> errors, List<Issue> warnings,
      String outcome) {

    public Row {
      values = values == null ? List.of() : List.copyOf(values);
      errors = errors == null ? List.of() : List.copyOf(errors);
      warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** The value in column {@code index}, "" past the row's end. */
    public String value(int index) {
      return index < values.size() ? values.get(index) : "";
    }

    /** The first error in the column named {@code column}, or null. */
    public Issue errorIn(String column) {
      return errors.stream().filter(e -> column.equals(e.column())).findFirst().orElse(null);
    }

    public Issue warningIn(String column) {
      return warnings.stream().filter(w -> column.equals(w.column())).findFirst().orElse(null);
    }

    /** The issues about no one cell (the project's access, a code already taken, …). */
    public List<Issue> rowIssues() {
      return java.util.stream.Stream.concat(errors.stream(), warnings.stream()).filter(i -> i.cell() == null).toList();
    }
  }

  /** Uploads an officer's file as it streams in from the browser. */
  public Mono<Import> upload(FilePart file, String kind) {
    MultipartBodyBuilder parts = new MultipartBodyBuilder();
    parts.asyncPart("file", file.content(), DataBuffer.class).filename(file.filename());
    parts.part("kind", kind);
    return api.postMultipart(uri -> uri.path("/api/v1/imports").build(), parts.build(), Import.class);
  }

  public Mono<List<Import>> imports() {
    return api.get(uri -> uri.path("/api/v1/imports").queryParam("size", 20).build(),
        new ParameterizedTypeReference<Page<Import>>() { }).map(Page::items);
  }

  public Mono<Import> find(String id) {
    return api.get(uri -> uri.path("/api/v1/imports/{id}").build(id), Import.class);
  }

  /** The rows with errors or warnings, a page at a time. */
  public Mono<Page<Row>> rowsWithIssues(String id, int page, int size) {
    return api.get(uri -> uri.path("/api/v1/imports/{id}/rows").queryParam("issues", true).queryParam("page", page)
        .queryParam("size", size).build(id), new ParameterizedTypeReference<Page<Row>>() { });
  }

  public Mono<Import> commit(String id) {
    return api.post(uri -> uri.path("/api/v1/imports/{id}/commit").build(id), "", headers -> { }, Import.class)
        .map(ResponseEntity::getBody);
  }

  /** A template, {@code projects.xlsx} … {@code updates.csv}. */
  public Mono<ResponseEntity<Flux<DataBuffer>>> template(String kind, String extension) {
    return api.download(uri -> uri.path("/api/v1/imports/templates/{kind}.{extension}").build(kind, extension));
  }

  public Mono<ResponseEntity<Flux<DataBuffer>>> report(String id) {
    return api.download(uri -> uri.path("/api/v1/imports/{id}/report.xlsx").build(id));
  }
}
