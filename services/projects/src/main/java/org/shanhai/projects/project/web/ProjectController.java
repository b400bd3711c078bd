package org.shanhai.projects.project.web;


import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.projects.project.ProjectDraft;
import org.shanhai.projects.project.ProjectKind;
import org.shanhai.projects.project.ProjectQuery;
import org.shanhai.projects.project.ProjectService;
import org.shanhai.projects.project.ProjectStatus;
import org.shanhai.web.validation.Violations;
import org.shanhai.web.RequestContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
  Mono<ResponseEntity<ProjectResponse>> register(@RequestBody ProjectDraft.Registration body,
      @RequestHeader(name = RequestContext.USER, required = false) String user,
      @RequestHeader(name = RequestContext.IDEMPOTENCY_KEY, required = false) String key) {
    String actor = context.user(user);
    return projects.register(body, context.fingerprint(body), actor, key)
        .map(outcome -> RequestContext.created("/api/v1/projects/" + outcome.project().id(),
                outcome.replayed())
            .eTag(RequestContext.etag(outcome.project().sequence()))
            .body(ProjectResponse.of(outcome.project())));
  }

  @GetMapping
  Mono<Page<ProjectResponse>> search(@RequestParam(required = false) String pairing,
      @RequestParam(required = false) String county, @RequestParam(required = false) String kind,
      @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    Violations violations = new Violations();
    RequestContext.id("pairing", pairing, violations);
    RequestContext.countyCode("county", county, violations);
    ProjectKind wantedKind = violations.enumValue("kind", kind, ProjectKind.class);
    ProjectStatus wantedStatus = violations.enumValue("status", status, ProjectStatus.class);
    PageRequest request = PageRequest.of(page, size, violations);
    RequestContext.rejectQueryIfAny(violations);
    return projects.search(new ProjectQuery(pairing, county, wantedKind, wantedStatus), request)
        .map(p -> p.map(ProjectResponse::of));
  }

  @GetMapping("/{id}")
  Mono<ResponseEntity<ProjectResponse>> get(@PathVariable String id, ServerWebExchange exchange) {
    return projects.find(id).flatMap(project -> {
      String etag = RequestContext.etag(project.sequence());
      if (exchange.checkNotModified(etag)) {
        return Mono.just(ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).<ProjectResponse>build());
      }
      return Mono.just(ResponseEntity.ok().eTag(etag).body(ProjectResponse.of(project)));
    });
  }
}
