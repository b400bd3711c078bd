package org.shanhai.console.imports;

import java.util.List;
import java.util.Set;

import org.shanhai.console.api.ApiRefusal;
import org.shanhai.console.api.ImportsApi;
import org.shanhai.console.api.Page;
import org.shanhai.console.api.Problem;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bulk import in the console: the templates, the upload, the dry run's table with each error at its
 * cell, the commit with its progress, and the report. The projects service does the work; this page
 * shows it.
 */
@Controller
class ImportsController {

  private static final int ROWS_PER_PAGE = 50;
  private static final Set<String> KINDS = Set.of("projects", "updates");
  private static final Set<String> EXTENSIONS = Set.of("xlsx", "csv");

  private final ImportsApi imports;

  ImportsController(ImportsApi imports) {
    this.imports = imports;
  }

  @GetMapping("/imports")
  Mono<Rendering> list() {
    return page("updates", null, HttpStatus.OK);
  }

  @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  Mono<Rendering> upload(ServerWebExchange exchange) {
    return exchange.getMultipartData().flatMap(parts -> {
      Part kindPart = parts.getFirst("kind");
      String kind = kindPart instanceof FormFieldPart field && KINDS.contains(field.value()) ? field.value() : "updates";
      if (!(parts.getFirst("file") instanceof FilePart file) || file.filename().isBlank()) {
        return page(kind, new Problem(null, null, 422, null,
            List.of(new Problem.FieldError("file", "form.error.file", "choose a file"))),
            HttpStatus.UNPROCESSABLE_CONTENT);
      }
      return imports.upload(file, kind)
          .map(created -> Rendering.redirectTo("/imports/" + created.id()).build())
          .onErrorResume(ApiRefusal.class, refusal -> refusal.status() >= 400 && refusal.status() < 500
              && refusal.status() != 401 && refusal.status() != 403
              ? page(kind, refusal.problem(), HttpStatus.valueOf(refusal.status())) : Mono.error(refusal));
    });
  }

  @GetMapping("/imports/{id}")
  Mono<Rendering> anImport(@PathVariable String id, @RequestParam(defaultValue = "0") int page) {
    int at = Math.max(0, page);
    return imports.find(id).flatMap(found -> {
      // While the dry run goes on the rows have no verdict yet: the page shows its progress only.
      Mono<Page<ImportsApi.Row>> rows = found.state().equals("VALIDATING")
          ? Mono.just(new Page<>(List.of(), 0, ROWS_PER_PAGE, 0)) : imports.rowsWithIssues(id, at, ROWS_PER_PAGE);
      return rows.map(issues -> Rendering.view("import").modelAttribute("anImport", found)
          .modelAttribute("rows", issues.items()).modelAttribute("total", issues.total()).modelAttribute("page", at)
          .modelAttribute("pages", (issues.total() + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE).build());
    });
  }

  /** The progress bar, polled while the service works; once it is done the whole page is reloaded (htmx). */
  @GetMapping("/imports/{id}/progress")
  Mono<Rendering> progress(@PathVariable String id, ServerWebExchange exchange) {
    return imports.find(id).map(found -> {
      if (!found.working()) {
        exchange.getResponse().getHeaders().set("HX-Refresh", "true");
      }
      return Rendering.view("import :: progress").modelAttribute("anImport", found).build();
    });
  }

  @PostMapping("/imports/{id}/commit")
  Mono<Rendering> commit(@PathVariable String id) {
    return imports.commit(id).thenReturn(Rendering.redirectTo("/imports/" + id).build())
        .onErrorResume(ApiRefusal.class, refusal -> refusal.status() == 409
            ? Mono.just(Rendering.redirectTo("/imports/" + id).build()) : Mono.error(refusal));
  }

  @GetMapping("/imports/templates/{kind}.{extension}")
  Mono<ResponseEntity<Flux<DataBuffer>>> template(@PathVariable String kind, @PathVariable String extension) {
    if (!KINDS.contains(kind) || !EXTENSIONS.contains(extension)) {
      return Mono.just(ResponseEntity.notFound().build());
    }
    return imports.template(kind, extension);
  }

  @GetMapping("/imports/{id}/report.xlsx")
  Mono<ResponseEntity<Flux<DataBuffer>>> report(@PathVariable String id) {
    return imports.report(id);
  }

  private Mono<Rendering> page(String kind, Problem problem, HttpStatus status) {
    return imports.imports().map(mine -> Rendering.view("imports").modelAttribute("imports", mine)
        .modelAttribute("kind", kind).modelAttribute("problem", problem).status(status).build());
  }
}
