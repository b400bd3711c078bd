package org.shanhai.security;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The issuer's decoder, remembering the tokens it accepted. A caller sends the same token with every
 * request until it expires (the console, an import, a script), and checking it again each time (the
 * parse, the RSA signature, the claims) was a tenth of the projects service's samples under the bench
 * and a few milliseconds of every request (docs/benchmarks.md). Only an accepted token is kept, keyed
 * by its exact text, so a hit is a token whose signature, issuer and audience were checked already;
 * nothing refused is kept, so a bad token is checked, and refused, every time.
 *
 * <p>What changes with time is checked on every hit: a token is answered from here only before its
 * {@code exp}, and kept at most {@link #AT_MOST}. After that the decoder checks it again, with its
 * clock skew, so nothing is accepted here that the decoder would refuse. Keys the issuer withdraws are
 * no different: the decoder itself keeps the key set it fetched until a token names a key it does not
 * know.
 */
final class AcceptedTokens implements ReactiveJwtDecoder {

  /** However long a token has left, it is checked again, signature and all, after this. */
  private static final Duration AT_MOST = Duration.ofMinutes(5);
  /** Far more than the officers signed in at once; beyond it the least used are checked again. */
  private static final int MAX_TOKENS = 2_000;

  private final ReactiveJwtDecoder decoder;
  private final Clock clock;
  private final Cache<String, Jwt> accepted;

  AcceptedTokens(ReactiveJwtDecoder decoder, Clock clock) {
    this.decoder = decoder;
    this.clock = clock;
    this.accepted = Caffeine.newBuilder()
        .maximumSize(MAX_TOKENS)
        .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> keptFor(jwt)))
        .build();
  }

  @Override
  public Mono<Jwt> decode(String token) {
    Jwt known = accepted.getIfPresent(token);
    if (known != null && clock.instant().isBefore(known.getExpiresAt())) {
      return Mono.just(known);
    }
    return decoder.decode(token).doOnNext(jwt -> {
      if (jwt.getExpiresAt() != null) {
        accepted.put(token, jwt);
      }
    });
  }

  private Duration keptFor(Jwt jwt) {
    Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
    return left.isNegative() ? Duration.ZERO : left.compareTo(AT_MOST) < 0 ? left : AT_MOST;
  }
}
