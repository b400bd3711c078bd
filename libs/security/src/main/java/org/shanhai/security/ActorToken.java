package org.shanhai.security;

import java.util.Collection;

import org.shanhai.web.access.Actor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A verified bearer token and the user it stands for, as the access rules see them. */
final class ActorToken extends JwtAuthenticationToken {

  private final Actor actor;

  ActorToken(Jwt jwt, Collection<? extends GrantedAuthority> authorities, Actor actor) {
    super(jwt, authorities, actor.name());
    this.actor = actor;
  }

  Actor actor() {
    return actor;
  }

  @Override
  public boolean equals(Object other) {
    return super.equals(other);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }
}
