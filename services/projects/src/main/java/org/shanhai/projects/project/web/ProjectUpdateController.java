package org.shanhai.projects.project.web;

import io.swagger.v3.oas.annotations.Operation;
import org.shanhai.events.value.ProjectId;
import org.shanhai.projects.project.ProjectService;
import org.shanhai.web.RequestContext;
import org.shanhai.web.access.Actor;
import org.shanhai.web.paging.Page;
import org.shanhai.web.paging.PageRequest;
import org.springframework.http.HttpHeaders;
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
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Report a project's progress",
      description = "Errors reject the update whole (422); warnings are stored and published with it. "
          + "If-Match with the project's ETag refuses it (412) when someone reported meanwhile. With dryRun=true "
          + "nothing is stored or published: the answer (200) is the update as it would be, with its warnings, "
          + "so that a form can ask the officer to confirm them before saving.")
  Mono<ResponseEntity<UpdateResponse>> submit(@PathVariable ProjectId projectId,
      @RequestBody ReportProgressRequest body, Actor actor,
      @RequestHeader(name = RequestContext.IDEMPOTENCY_KEY, required = false) String key,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestParam(defaultValue = "false") boolean dryRun) {
    Long version = context.ifMatch(ifMatch);
    if (dryRun) {
      return projects.check(projectId, body.toCommand(), actor)
          .map(update -> ResponseEntity.ok(UpdateResponse.of(update)));
    }
    return projects.report(projectId, body.toCommand(), context.fingerprint(body), actor, key, version)
        .map(written -> RequestContext.created(
                "/api/v1/projects/" + projectId + "/updates/" + written.value().update().id(), written.replayed())
            .eTag(RequestContext.etag(written.value().project().sequence()))
            .body(UpdateResponse.of(written.value().update())));
  }

  @GetMapping
  @Operation(summary = "List a project's updates, newest first")
  Mono<Page<UpdateResponse>> list(@PathVariable ProjectId projectId, PageRequest page) {
    return projects.updates(projectId, page).map(p -> p.map(UpdateResponse::of));
  }

  @GetMapping("/{updateId}")
  @Operation(summary = "Fetch one update of a project")
  Mono<UpdateResponse> get(@PathVariable ProjectId projectId, @PathVariable String updateId) {
    return projects.update(projectId, updateId).map(UpdateResponse::of);
  }
}
