package org.shanhai.projects.county.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.shanhai.projects.county.Counties;
import org.shanhai.projects.county.County;
import org.shanhai.projects.county.CountySide;
import org.shanhai.web.paging.Page;
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
  @Operation(summary = "List the counties of the programme: the 26 mountain counties and their partners")
  Page<County> list(@RequestParam(required = false) CountySide side) {
    List<County> items = counties.all().stream().filter(c -> side == null || c.side() == side).toList();
    return new Page<>(items, 0, items.size(), items.size());
  }
}
