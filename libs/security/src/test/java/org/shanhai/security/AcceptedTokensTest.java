package org.shanhai.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.shanhai.testkit.MovableClock;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class AcceptedTokensTest {

  private static final Instant START = Instant.parse("2026-12-02T08:00:00Z");

  private final MovableClock clock = new MovableClock(START);
  private final List<String> checked = new ArrayList<>();

  /** The issuer's decoder as far as this class can tell: accepts "good-*" tokens, expiring at the given minute. */
  private final ReactiveJwtDecoder issuer = token -> {
    checked.add(token);
    if (!token.startsWith("good-")) {
      return Mono.error(new BadJwtException("signature does not verify"));
    }
    Instant expiry = START.plus(Duration.ofMinutes(Long.parseLong(token.substring(5))));
    return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("officer.changshan")
        .issuedAt(START).expiresAt(expiry).build());
  };

  private final AcceptedTokens tokens = new AcceptedTokens(issuer, clock);

  @Test
  void anAcceptedTokenIsCheckedOnceAndAnsweredAsAcceptedThen() {
    Jwt first = tokens.decode("good-60").block();
    Jwt again = tokens.decode("good-60").block();

    assertThat(again).isSameAs(first);
    assertThat(checked).containsExactly("good-60");
  }

  @Test
  void aRefusedTokenIsCheckedAndRefusedEveryTime() {
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
    }
    assertThat(checked).containsExactly("forged", "forged");
  }

  @Test
  void aTokenIsCheckedAgainOnceItHasExpired() {
    tokens.decode("good-3").block();
    clock.move(Duration.ofMinutes(2));
    tokens.decode("good-3").block();
    clock.move(Duration.ofMinutes(1));
    tokens.decode("good-3").block();

    assertThat(checked).as("kept for the two minutes, then handed to the issuer's decoder and its clock skew")
        .containsExactly("good-3", "good-3");
  }

  @Test
  void eachTokenIsKeptUnderItsOwnText() {
    tokens.decode("good-60").block();
    tokens.decode("good-61").block();
    tokens.decode("good-60").block();

    assertThat(checked).containsExactly("good-60", "good-61");
  }
}
