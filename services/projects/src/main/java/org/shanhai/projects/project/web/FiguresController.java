package org.shanhai.projects.project.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.shanhai.projects.project.CountyFigures;
import org.shanhai.projects.project.ProjectService;
import org.shanhai.web.BadRequest;
import org.shanhai.web.validation.Violation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The programme figures of a year by mountain county, for the province's overview. */
@RestController
class FiguresController {

  private final ProjectService projects;
  private final Clock clock;

  FiguresController(ProjectService projects, Clock clock) {
    this.projects = projects;
    this.clock = clock;
  }

  /** @param counties one row per mountain county that has projects */
  record YearFigures(int year, List<CountyFigures> counties) {
  }

  @GetMapping("/api/v1/figures")
  @Operation(summary = "The programme figures of a year (this year by default) by mountain county",
      description = "Projects, those started (开工) and completed (完工) in the year, investment completed in the year, "
          + "and planned investment against investment completed so far (of the projects that state a plan).")
  Mono<YearFigures> figures(@RequestParam(required = false) Integer year) {
    int thisYear = LocalDate.now(clock).getYear();
    int asked = year == null ? thisYear : year;
    if (asked < 2000 || asked > thisYear) {
      throw new BadRequest(List.of(new Violation("year", "out-of-range", "year must be from 2000 to " + thisYear)));
    }
    return projects.figures().collectList().map(all -> new YearFigures(asked, CountyFigures.of(all, asked)));
  }
}
