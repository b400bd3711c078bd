package org.shanhai.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The ways a client gets a request wrong, made from one valid request of an endpoint: malformed
 * JSON, wrong types, injection-shaped values, huge numbers and strings, deep nesting, unknown
 * fields and query parameters, wrong content types, oversized bodies, invalid dates, amounts, enum
 * values and ids. Each case says which 4xx answers are right for it; every one must also be
 * problem+json and leave nothing stored or published ({@link NoTrace#refusedWithAnyOf}).
 */
public final class BadInputCorpus {

  /** Bigger than any service takes (64 KB). */
  private static final int OVERSIZED = 70_000;
  private static final int NESTING = 400;
  private static final Set<Integer> BAD_REQUEST = Set.of(400);
  private static final Set<Integer> INVALID = Set.of(422);

  private BadInputCorpus() {
  }

  /**
   * One bad request: its path may hold {@code {placeholders}} filled in when it is sent (ids the test
   * made), and so may its body.
   */
  public record Case(String name, String user, String path, MediaType contentType, String body,
      Set<Integer> statuses) {

    public WebTestClient.ResponseSpec send(WebTestClient http, Map<String, String> placeholders) {
      WebTestClient.RequestBodySpec request = http.post().uri(fill(path, placeholders))
          .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(user)).contentType(contentType);
      return body.isEmpty() ? request.exchange() : request.bodyValue(fill(body, placeholders)).exchange();
    }

    private static String fill(String text, Map<String, String> placeholders) {
      String filled = text;
      for (Map.Entry<String, String> p : placeholders.entrySet()) {
        filled = filled.replace("{" + p.getKey() + "}", p.getValue());
      }
      return filled;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** An endpoint that takes a JSON object: its valid body, field by field as JSON literals, and what each field is. */
  public static final class Endpoint {

    private final String user;
    private final String path;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, Kind> kinds = new LinkedHashMap<>();

    private enum Kind { TEXT, DATE, AMOUNT, ENUM, ID, INTEGER, DURATION, STRUCTURE }

    private Endpoint(String user, String path) {
      this.user = user;
      this.path = path;
    }

    public static Endpoint post(String user, String path) {
      return new Endpoint(user, path);
    }

    public Endpoint text(String field, String value) {
      return field(field, "\"" + value + "\"", Kind.TEXT);
    }

    public Endpoint date(String field, String isoDate) {
      return field(field, "\"" + isoDate + "\"", Kind.DATE);
    }

    public Endpoint amount(String field, String yuan) {
      return field(field, "\"" + yuan + "\"", Kind.AMOUNT);
    }

    public Endpoint choice(String field, String value) {
      return field(field, "\"" + value + "\"", Kind.ENUM);
    }

    /** A field naming something by id or code (a pairing, a county, a project). */
    public Endpoint id(String field, String value) {
      return field(field, "\"" + value + "\"", Kind.ID);
    }

    public Endpoint integer(String field, int value) {
      return field(field, String.valueOf(value), Kind.INTEGER);
    }

    /** A field holding a JSON array or object, given as its literal. */
    public Endpoint literal(String field, String literal) {
      return field(field, literal, Kind.STRUCTURE);
    }

    /** A field holding a duration, ISO 8601 ({@code PT5M}). */
    public Endpoint duration(String field, String iso) {
      return field(field, "\"" + iso + "\"", Kind.DURATION);
    }

    private Endpoint field(String field, String literal, Kind kind) {
      fields.put(field, literal);
      kinds.put(field, kind);
      return this;
    }

    /** The cases of this endpoint. */
    public List<Case> cases() {
      List<Case> cases = new ArrayList<>();
      String valid = body(fields);
      String first = fields.keySet().iterator().next();
      add(cases, "malformed JSON, cut short", valid.substring(0, valid.length() / 2), BAD_REQUEST);
      add(cases, "not JSON at all", "name=x&kind=y", BAD_REQUEST);
      add(cases, "an empty body", "", BAD_REQUEST);
      add(cases, "an array for the object", "[" + valid + "]", BAD_REQUEST);
      add(cases, "an unknown field", with(Map.of("isAdmin", "true")), BAD_REQUEST);
      cases.add(new Case(path + " with an unknown query parameter", user, path + "?debug=true",
          MediaType.APPLICATION_JSON, valid, BAD_REQUEST));
      cases.add(new Case(path + " sent as text/plain", user, path, MediaType.TEXT_PLAIN, valid, Set.of(415)));
      cases.add(new Case(path + " sent as XML", user, path, MediaType.APPLICATION_XML, "<request/>", Set.of(415)));
      add(cases, "an oversized body", with(Map.of(first, "\"" + "山".repeat(OVERSIZED / 3 + 1) + "\"")),
          Set.of(413));
      add(cases, first + " nested " + NESTING + " deep", with(Map.of(first, "[".repeat(NESTING) + "]".repeat(NESTING))),
          BAD_REQUEST);
      for (String field : fields.keySet()) {
        add(cases, field + " as a query operator object", with(Map.of(field, "{\"$gt\":\"\"}")), BAD_REQUEST);
        switch (kinds.get(field)) {
          case DATE -> {
            add(cases, field + " on a day that does not exist", with(Map.of(field, "\"2021-02-30\"")), BAD_REQUEST);
            add(cases, field + " written day first", with(Map.of(field, "\"30/06/2021\"")), BAD_REQUEST);
          }
          case AMOUNT -> {
            add(cases, field + " negative", with(Map.of(field, "\"-5.00\"")), INVALID);
            add(cases, field + " past the fen", with(Map.of(field, "\"12.345\"")), INVALID);
            add(cases, field + " astronomically large", with(Map.of(field, "\"1e400\"")), INVALID);
            add(cases, field + " not a number", with(Map.of(field, "\"many\"")), BAD_REQUEST);
          }
          case ENUM -> add(cases, field + " not one of its values", with(Map.of(field, "\"NOT_A_VALUE\"")), BAD_REQUEST);
          case ID -> add(cases, field + " injection-shaped", with(Map.of(field, "\"'; db.dropDatabase(); //\"")),
              Set.of(400, 404, 422));
          case INTEGER -> add(cases, field + " beyond any integer", with(Map.of(field, "99999999999999999999")),
              BAD_REQUEST);
          case DURATION -> add(cases, field + " not a duration", with(Map.of(field, "\"five minutes\"")), BAD_REQUEST);
          case TEXT, STRUCTURE -> { }
        }
      }
      return List.copyOf(cases);
    }

    private void add(List<Case> cases, String what, String body, Set<Integer> statuses) {
      cases.add(new Case(path + ": " + what, user, path, MediaType.APPLICATION_JSON, body, statuses));
    }

    private String with(Map<String, String> changes) {
      Map<String, String> changed = new LinkedHashMap<>(fields);
      changed.putAll(changes);
      return body(changed);
    }

    private static String body(Map<String, String> fields) {
      return fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
          .collect(Collectors.joining(",", "{", "}"));
    }
  }
}
