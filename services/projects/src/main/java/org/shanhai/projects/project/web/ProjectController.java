package org.shanhai.projects.project.web;

import io.swagger.v3.oas.annotations.Operation;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.ProjectId;
import org.shanhai.projects.project.ProjectKind;
import org.shanhai.projects.project.ProjectQuery;
import org.shanhai.projects.project.ProjectService;
import org.shanhai.projects.project.ProjectStatus;
import org.shanhai.web.RequestContext;
import org.shanhai.web.access.Actor;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.web.validation.Violations;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Projects: register, search, fetch (with {@code ETag}; {@code If-None-Match} answers 304). */
@RestController
@RequestMapping("/api/v1/projects")
class ProjectController {

  private final ProjectService projects;
  private final RequestContext context;

  ProjectController(ProjectService projects, RequestContext context) {
    this.projects = projects;
    this.context = context;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Register a project under a running pairing, with its investment plan",
      description = "The answer's ETag is the project's version, for If-Match on its updates.")
  Mono<ResponseEntity<ProjectResponse>> register(@RequestBody RegisterProjectRequest body, Actor actor,
      @RequestHeader(name = RequestContext.IDEMPOTENCY_KEY, required = false) String key) {
    return projects.register(body.toCommand(), context.fingerprint(body), actor, key)
        .map(written -> RequestContext.created("/api/v1/projects/" + written.value().id(), written.replayed())
            .eTag(RequestContext.etag(written.value().sequence()))
            .body(ProjectResponse.of(written.value())));
  }

  @GetMapping
  @Operation(summary = "Search projects by pairing, county (either side), kind and status")
  Mono<Page<ProjectResponse>> search(@RequestParam(required = false) String pairing,
      @RequestParam(required = false) CountyCode county, @RequestParam(required = false) ProjectKind kind,
      @RequestParam(required = false) ProjectStatus status, PageRequest page) {
    Violations violations = new Violations();
    RequestContext.id("pairing", pairing, violations);
    RequestContext.rejectQueryIfAny(violations);
    return projects.search(new ProjectQuery(pairing, county, kind, status), page).map(p -> p.map(ProjectResponse::of));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Fetch a project", description = "With its version as ETag; If-None-Match answers 304.")
  Mono<ResponseEntity<ProjectResponse>> get(@PathVariable ProjectId id, ServerWebExchange exchange) {
    return projects.find(id).flatMap(project -> {
      String etag = RequestContext.etag(project.sequence());
      if (exchange.checkNotModified(etag)) {
        return Mono.just(ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).<ProjectResponse>build());
      }
      return Mono.just(ResponseEntity.ok().eTag(etag).body(ProjectResponse.of(project)));
    });
  }
}
