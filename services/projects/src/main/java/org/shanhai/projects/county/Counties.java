package org.shanhai.projects.county;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks counties up by code. Reference data: it changes with a release, not at run time. */
public final class Counties {

  private final Map<String, County> byCode;

  public Counties() {
    this(CountyCatalogue.ALL);
  }

  Counties(List<County> counties) {
    this.byCode = counties.stream().collect(Collectors.toUnmodifiableMap(County::code, Function.identity()));
  }

  public Optional<County> find(String code) {
    return Optional.ofNullable(code).map(byCode::get);
  }

  /** True when {@code code} is a known county on {@code side}. */
  public boolean isOn(String code, CountySide side) {
    return find(code).map(c -> c.side() == side).orElse(false);
  }

  /** Mountain counties first, then partners, each by code. */
  public List<County> all() {
    return byCode.values().stream()
        .sorted(Comparator.comparing(County::side).thenComparing(County::code))
        .toList();
  }
}
