package org.shanhai.projects.project.web;


import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.shanhai.projects.project.ProgressReport;
import org.shanhai.projects.project.ProjectService;
import org.shanhai.web.validation.Violations;
import org.shanhai.web.RequestContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The officers' progress updates of a project. A POST answers with the update and, in {@code ETag},
 * the project's new version; {@code If-Match} makes it conditional on the version the officer saw.
 */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/updates")
class ProjectUpdateController {

  private final ProjectService projects;
  private final RequestContext context;

  ProjectUpdateController(ProjectService projects, RequestContext context) {
    this.projects = projects;
    this.context = context;
  }

  @PostMapping
  Mono<ResponseEntity<UpdateResponse>> submit(@PathVariable String projectId, @RequestBody ProgressReport body,
      @RequestHeader(name = RequestContext.USER, required = false) String user,
      @RequestHeader(name = RequestContext.IDEMPOTENCY_KEY, required = false) String key,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    String actor = context.user(user);
    Long version = context.ifMatch(ifMatch);
    return projects.report(projectId, body, context.fingerprint(body), actor, key, version)
        .map(report -> RequestContext.created(
                "/api/v1/projects/" + projectId + "/updates/" + report.update().id(), report.replayed())
            .eTag(RequestContext.etag(report.project().sequence()))
            .body(UpdateResponse.of(report.update())));
  }

  @GetMapping
  Mono<Page<UpdateResponse>> list(@PathVariable String projectId, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    Violations violations = new Violations();
    PageRequest request = PageRequest.of(page, size, violations);
    RequestContext.rejectQueryIfAny(violations);
    return projects.updates(projectId, request).map(p -> p.map(UpdateResponse::of));
  }

  @GetMapping("/{updateId}")
  Mono<UpdateResponse> get(@PathVariable String projectId, @PathVariable String updateId) {
    return projects.update(projectId, updateId).map(UpdateResponse::of);
  }
}
