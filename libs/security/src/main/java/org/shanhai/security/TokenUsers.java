package org.shanhai.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.shanhai.events.value.CountyCode;
import org.shanhai.web.access.Actor;
import org.shanhai.web.access.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/**
 * Who a verified token stands for. The claims' names are settings, so any OpenID Connect provider a
 * province already runs can be mapped onto them: the user's name (default {@code preferred_username},
 * else {@code sub}), their roles (default {@code roles}: {@code officer}, {@code province},
 * {@code viewer}; others are ignored) and their counties (default {@code counties}, six-digit codes;
 * anything else is ignored, so a malformed value grants nothing).
 */
final class TokenUsers implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

  private final String nameClaim;
  private final String rolesClaim;
  private final String countiesClaim;

  TokenUsers(String nameClaim, String rolesClaim, String countiesClaim) {
    this.nameClaim = nameClaim;
    this.rolesClaim = rolesClaim;
    this.countiesClaim = countiesClaim;
  }

  @Override
  public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
    Actor actor = actor(jwt);
    return Mono.just(new ActorToken(jwt, actor.roles().stream()
        .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList(), actor));
  }

  Actor actor(Jwt jwt) {
    String name = jwt.getClaimAsString(nameClaim);
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String value : strings(jwt, rolesClaim)) {
      for (Role role : Role.values()) {
        if (role.name().equals(value.toUpperCase(Locale.ROOT))) {
          roles.add(role);
        }
      }
    }
    Set<CountyCode> counties = strings(jwt, countiesClaim).stream().filter(CountyCode::isWellFormed)
        .map(CountyCode::new).collect(Collectors.toSet());
    return new Actor(name == null || name.isBlank() ? jwt.getSubject() : name, roles, counties);
  }

  private static List<String> strings(Jwt jwt, String claim) {
    Object value = jwt.getClaims().get(claim);
    if (value instanceof Collection<?> values) {
      return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
    return value instanceof String single ? List.of(single) : List.of();
  }
}
