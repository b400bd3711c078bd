package org.shanhai.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.shanhai.embedded.Ports;

/**
 * A token issuer for the services' tests: an RSA key whose public half is served as a JWKS over
 * HTTP on loopback, exactly where a service's resource server fetches the keys of the real provider,
 * and access tokens signed with it, carrying the claims the realm in deploy/keycloak gives
 * ({@code preferred_username}, {@code roles}, {@code counties}, audience {@code shanhai-api}).
 * Started once per test JVM with the real infrastructure; the services find it through the standard
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties.
 *
 * <p>The users are the realm's demo users, with the same roles and counties.
 */
public final class TestIssuer {

  public static final String ISSUER = "http://issuer.test/realms/shanhai";
  public static final String AUDIENCE = "shanhai-api";

  /** The realm's demo users: name → role and counties. */
  private static final Map<String, List<String>> USERS = Map.of(
      "officer.changshan", List.of("officer", "330822"),
      "officer.cixi", List.of("officer", "330282"),
      "officer.qujiang", List.of("officer", "330803"),
      "officer.yinzhou", List.of("officer", "330212"),
      "officer.qingyuan", List.of("officer", "331126"),
      "province.admin", List.of("province"),
      "viewer", List.of("viewer"));

  private static RSAKey key;
  private static String jwkSetUri;

  private TestIssuer() {
  }

  /** Serves the JWKS and points the services at it; idempotent. */
  public static synchronized void start() {
    if (key != null) {
      return;
    }
    try {
      key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
      byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Ports.free()), 0);
      server.createContext("/jwks", exchange -> {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, jwks.length);
        exchange.getResponseBody().write(jwks);
        exchange.close();
      });
      server.start();
      jwkSetUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
      System.setProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwkSetUri);
      System.setProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER);
      System.setProperty("spring.security.oauth2.resourceserver.jwt.audiences", AUDIENCE);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot make an RSA key", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The settings that point a service started as its own process at this issuer. */
  public static Map<String, String> settings() {
    start();
    return Map.of("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwkSetUri,
        "spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER,
        "spring.security.oauth2.resourceserver.jwt.audiences", AUDIENCE);
  }

  /** {@code Bearer <token>} for one of the realm's demo users, valid for five minutes. */
  public static String bearer(String user) {
    return "Bearer " + token(user).signed();
  }

  /** A token for a demo user, to change before it is signed. */
  public static Token token(String user) {
    List<String> profile = USERS.get(user);
    if (profile == null) {
      throw new IllegalArgumentException(user + " is not a demo user of the realm; they are " + USERS.keySet());
    }
    return new Token(claims(user, List.of(profile.get(0)), profile.subList(1, profile.size())));
  }

  /** A token for anyone, with the roles and counties given. */
  public static Token token(String user, List<String> roles, List<String> counties) {
    return new Token(claims(user, roles, counties));
  }

  private static JWTClaimsSet.Builder claims(String user, List<String> roles, List<String> counties) {
    start();
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(UUID.randomUUID().toString())
        .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
        .jwtID(UUID.randomUUID().toString()).claim("preferred_username", user).claim("roles", roles)
        .claim("counties", counties);
  }

  /** An access token being made: by default as the provider would issue it; each change makes it fail one check. */
  public static final class Token {

    private final JWTClaimsSet.Builder claims;

    private Token(JWTClaimsSet.Builder claims) {
      this.claims = claims;
    }

    public Token expiredAgo(Duration ago) {
      Instant expiry = Instant.now().minus(ago);
      claims.issueTime(Date.from(expiry.minusSeconds(300))).notBeforeTime(Date.from(expiry.minusSeconds(300)))
          .expirationTime(Date.from(expiry));
      return this;
    }

    public Token validFromIn(Duration in) {
      Instant from = Instant.now().plus(in);
      claims.notBeforeTime(Date.from(from)).expirationTime(Date.from(from.plusSeconds(300)));
      return this;
    }

    public Token issuer(String issuer) {
      claims.issuer(issuer);
      return this;
    }

    public Token audience(String audience) {
      claims.audience(audience);
      return this;
    }

    /** Signed with the issuer's key, as the provider does. */
    public String signed() {
      return sign(key);
    }

    /** Signed with a key the issuer does not have (a forger's, or a stolen token re-signed). */
    public String signedWithAnotherKey() {
      try {
        return sign(new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate());
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
    }

    /** {@code alg: none}: no signature at all. */
    public String unsigned() {
      return new PlainJWT(claims.build()).serialize();
    }

    /** HS256 keyed with the issuer's public key: the classic algorithm-confusion forgery. */
    public String hmacWithThePublicKey() {
      try {
        byte[] secret = key.toPublicJWK().toRSAPublicKey().getEncoded();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
            claims.build());
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
    }

    private String sign(RSAKey with) {
      try {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(),
            claims.build());
        jwt.sign(new RSASSASigner(with));
        return jwt.serialize();
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
