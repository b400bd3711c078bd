package org.shanhai.projects.imports.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.shanhai.projects.imports.ImportKind;
import org.shanhai.projects.imports.ImportService;
import org.shanhai.projects.imports.file.NotASpreadsheet;
import org.shanhai.security.audit.AuditFilter;
import org.shanhai.web.access.Actor;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.validation.InvalidInput;
import org.shanhai.web.validation.Violation;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Bulk import: templates, upload (checked as a whole at once, then dry-run row by row), the rows
 * with their verdicts, commit, progress as server-sent events, and the report.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

  private static final String XLSX_VALUE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final MediaType XLSX = MediaType.parseMediaType(XLSX_VALUE);
  private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
  private static final Duration PROGRESS_EVERY = Duration.ofMillis(500);
  private static final String TYPES = "https://shanhai.example/problems/";
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String PROBLEM = "#/components/schemas/Problem";

  private final ImportService imports;
  private final DataSize maxFileSize;

  ImportController(ImportService imports, @Value("${shanhai.projects.imports.max-file-size:20MB}") DataSize maxFileSize) {
    this.imports = imports;
    this.maxFileSize = maxFileSize;
  }

  @GetMapping(path = "/templates/{kind}.xlsx", produces = XLSX_VALUE)
  @Operation(summary = "Download the .xlsx template of a kind of import (projects or updates)",
      description = "The header row in Chinese with each column explained, drop-down lists for kinds and statuses, "
          + "and a sheet that explains both names of every column with an example row.")
  ResponseEntity<byte[]> xlsxTemplate(@PathVariable String kind) {
    ImportKind k = kind(kind);
    return download(Workbooks.template(k), XLSX, "shanhai-" + k.wire() + "-template.xlsx");
  }

  @GetMapping(path = "/templates/{kind}.csv", produces = "text/csv")
  @Operation(summary = "Download the CSV template of a kind of import: its header row, UTF-8 with a BOM")
  ResponseEntity<byte[]> csvTemplate(@PathVariable String kind) {
    ImportKind k = kind(kind);
    return download(Workbooks.csvTemplate(k), CSV, "shanhai-" + k.wire() + "-template.csv");
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
      mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
      schema = @Schema(type = "object", requiredProperties = {"file", "kind"}),
      schemaProperties = {
          @SchemaProperty(name = "file", schema = @Schema(type = "string", format = "binary",
              description = "the .xlsx workbook (its first sheet is read) or the CSV")),
          @SchemaProperty(name = "kind", schema = @Schema(type = "string", allowableValues = {"projects", "updates"},
              description = "project registrations or progress reports"))}))
  @ApiResponse(responseCode = "202", description = "Taken: the import, VALIDATING",
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ImportResponse.class)))
  @ApiResponse(responseCode = "413", description = "The file is larger than the limit (20 MB); nothing was stored",
      content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
  @ApiResponse(responseCode = "415", description = "Not an .xlsx workbook nor a CSV text (an old .xls is told apart); "
      + "nothing was stored", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
  @ApiResponse(responseCode = "422", description = "The file cannot be imported as a whole (each error names the "
      + "file, the header or the column and says why); nothing was stored",
      content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
  @Operation(summary = "Upload a project list or a progress file (.xlsx or .csv) for a dry run",
      description = "Multipart with parts file and kind (projects or updates). The file is checked as a whole first: "
          + "one that is not a spreadsheet (415), too large (413), or unusable (422: a zip bomb, missing or repeated "
          + "columns, formulas, merged cells, too many rows, a broken CSV quote) stores nothing. Otherwise 202 with the "
          + "import, VALIDATING: each row is then checked with the API's own rules; follow GET /api/v1/imports/{id} or "
          + "its events.")
  Mono<ResponseEntity<ImportResponse>> upload(ServerWebExchange exchange, Actor actor) {
    // Also the service's rule; asked here first so a viewer's upload is refused before it is received.
    actor.requireWriter("importing a file");
    return exchange.getMultipartData().flatMap(parts -> {
      Part file = parts.getFirst("file");
      Part kindPart = parts.getFirst("kind");
      InvalidInput missing = missingParts(file, kindPart);
      if (missing != null) {
        return Mono.error(missing);
      }
      ImportKind kind = kind(((FormFieldPart) kindPart).value());
      FilePart filePart = (FilePart) file;
      return Mono.usingWhen(Mono.fromCallable(() -> Files.createTempFile("shanhai-import-", ".upload"))
              .subscribeOn(Schedulers.boundedElastic()),
          temp -> receive(filePart, temp).flatMap(received -> imports.upload(temp, filePart.filename(),
              received.hash(), received.size(), kind, actor)),
          temp -> Mono.fromRunnable(() -> deleteQuietly(temp)).subscribeOn(Schedulers.boundedElastic()));
    }).onErrorMap(NotASpreadsheet.class, ImportController::notASpreadsheet).map(created -> {
      exchange.getAttributes().put(AuditFilter.REASON_DETAIL, "import " + created.kind().wire() + " of "
          + created.fileName() + " (sha256 " + created.fileHash() + ", " + created.counts().rows() + " rows)");
      return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + created.id()))
          .body(ImportResponse.of(created));
    });
  }

  @GetMapping
  @Operation(summary = "List my imports, newest first (the province sees every import)")
  Mono<Page<ImportResponse>> list(Actor actor, PageRequest page) {
    return imports.list(actor, page).map(p -> p.map(ImportResponse::of));
  }

  @GetMapping("/{id}")
  @Operation(summary = "An import: its state (VALIDATING, VALIDATED, COMMITTING, DONE, FAILED) and its counts")
  Mono<ImportResponse> get(@PathVariable String id, Actor actor) {
    return imports.find(id, actor).map(ImportResponse::of);
  }

  @GetMapping("/{id}/rows")
  @Operation(summary = "The rows of an import, in order, with the dry run's errors and warnings at their cells",
      description = "issues=true lists only the rows with errors or warnings, or refused when committed.")
  Mono<Page<ImportRowResponse>> rows(@PathVariable String id, @RequestParam(defaultValue = "false") boolean issues,
      Actor actor, PageRequest page) {
    return imports.rows(id, issues, actor, page).map(p -> p.map(ImportRowResponse::of));
  }

  @PostMapping("/{id}/commit")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Record the rows the dry run found valid",
      description = "202 with the import, COMMITTING. Each row goes through the API's own write path with an "
          + "idempotency key made of the file's hash and the row's number, so nothing is ever recorded twice: "
          + "the same file imported again answers every row as replayed. 409 before the dry run is done.")
  Mono<ResponseEntity<ImportResponse>> commit(@PathVariable String id, Actor actor, ServerWebExchange exchange) {
    return imports.commit(id, actor).map(committing -> {
      exchange.getAttributes().put(AuditFilter.REASON_DETAIL, "commit of import " + id + " (sha256 "
          + committing.fileHash() + ", " + committing.counts().valid() + " of " + committing.counts().rows()
          + " rows valid)");
      return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + id))
          .body(ImportResponse.of(committing));
    });
  }

  @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(summary = "The import's progress as server-sent events (progress), until its step is done")
  Flux<ServerSentEvent<ImportResponse>> events(@PathVariable String id, Actor actor) {
    return imports.find(id, actor).thenMany(Flux.interval(Duration.ZERO, PROGRESS_EVERY)
        .concatMap(tick -> imports.find(id, actor))
        .map(ImportResponse::of)
        .distinctUntilChanged()
        .takeUntil(state -> state.state().isSettled())
        .map(state -> ServerSentEvent.builder(state).event("progress").id(state.state() + "-" + state.progress()).build()));
  }

  @GetMapping(path = "/{id}/report.xlsx", produces = XLSX_VALUE)
  @Operation(summary = "The file back as .xlsx, with what became of each row and why (cells with errors marked)")
  Mono<ResponseEntity<Flux<DataBuffer>>> report(@PathVariable String id, Actor actor, ServerWebExchange exchange) {
    return imports.find(id, actor).map(anImport -> {
      Flux<DataBuffer> body = Flux.from(DataBufferUtils.outputStreamPublisher(out -> {
        try {
          Workbooks.report(anImport, imports.allRows(id, actor).toIterable(), out);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, exchange.getResponse().bufferFactory(), Schedulers.boundedElastic()::schedule));
      String name = anImport.fileName() == null ? "import" : anImport.fileName().replaceFirst("\\.[^.]*$", "");
      return ResponseEntity.ok().contentType(XLSX)
          .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
              .filename(name + "-导入结果.xlsx", StandardCharsets.UTF_8).build().toString())
          .body(body);
    });
  }

  /** What an upload was: its size and SHA-256, taken while it is written to disk, refused past the limit. */
  private record Received(long size, String hash) {
  }

  private Mono<Received> receive(FilePart file, Path temp) {
    MessageDigest sha256 = sha256();
    AtomicLong size = new AtomicLong();
    Flux<DataBuffer> counted = file.content().doOnNext(buffer -> {
      if (size.addAndGet(buffer.readableByteCount()) > maxFileSize.toBytes()) {
        DataBufferUtils.release(buffer);
        throw tooLarge();
      }
      try (DataBuffer.ByteBufferIterator views = buffer.readableByteBuffers()) {
        views.forEachRemaining(sha256::update);
      }
    });
    return DataBufferUtils.write(counted, temp).then(Mono.fromSupplier(() ->
        new Received(size.get(), HexFormat.of().formatHex(sha256.digest()))));
  }

  private ErrorResponseException tooLarge() {
    return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "File too large", "the file is larger than "
        + maxFileSize.toMegabytes() + " MB, the most an import takes; split it into smaller files. Nothing was stored.");
  }

  private static ErrorResponseException notASpreadsheet(NotASpreadsheet e) {
    ErrorResponseException problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-a-spreadsheet",
        "Not a spreadsheet", e.getMessage() + ". An import takes an .xlsx workbook or a CSV text; nothing was stored.");
    // What the file is instead, as a file error's code (words for it in libs/texts), and on its own for clients.
    problem.getBody().setProperty("errors", List.of(new Violation("file", e.reason(), e.getMessage())));
    problem.getBody().setProperty("reason", e.reason());
    return problem;
  }

  private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPES + type));
    problem.setTitle(title);
    problem.setProperty("errors", List.of());
    return new ErrorResponseException(status, problem, null);
  }

  private static InvalidInput missingParts(Part file, Part kind) {
    if (!(file instanceof FilePart)) {
      return new InvalidInput("file", "required", "send the spreadsheet as the multipart part file");
    }
    if (!(kind instanceof FormFieldPart)) {
      return new InvalidInput("kind", "required", "say what the file holds in the multipart part kind: projects or updates");
    }
    return null;
  }

  private static ImportKind kind(String wire) {
    ImportKind kind = ImportKind.fromWire(wire);
    if (kind == null) {
      throw new InvalidInput("kind", "unknown-value", "kind must be projects or updates");
    }
    return kind;
  }

  private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .body(body);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // A temporary file the system cleans up anyway; the answer does not depend on it.
      LoggerFactory.getLogger(ImportController.class).warn("could not delete {}: {}", temp, e.toString());
    }
  }
}
