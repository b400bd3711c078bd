package org.shanhai.projects.county.web;

import java.util.List;

import org.shanhai.projects.county.Counties;
import org.shanhai.projects.county.County;
import org.shanhai.projects.county.CountySide;
import org.shanhai.web.paging.Page;
import org.shanhai.web.validation.Violations;
import org.shanhai.web.RequestContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The county reference list: {@code GET /api/v1/counties[?side=MOUNTAIN|PARTNER]}. */
@RestController
@RequestMapping("/api/v1/counties")
class CountyController {

  private final Counties counties;

  CountyController(Counties counties) {
    this.counties = counties;
  }

  @GetMapping
  Page<County> list(@RequestParam(required = false) String side) {
    Violations violations = new Violations();
    CountySide wanted = violations.enumValue("side", side, CountySide.class);
    RequestContext.rejectQueryIfAny(violations);
    List<County> items = counties.all().stream().filter(c -> wanted == null || c.side() == wanted).toList();
    return new Page<>(items, 0, items.size(), items.size());
  }
}
