package org.shanhai.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code ./shanhai bench console [rounds] [officers]}: how fast the officers' console answers its
 * pages on the demo data. Brings up the whole local stack on free ports (as {@code ./shanhai up}, on
 * an in-memory database), signs officers in through Keycloak's real login form (officer.changshan,
 * and province.admin for the province overview), then has {@code officers} of them load every page
 * {@code rounds} times each, concurrently, and prints each page's latency percentiles (from the
 * request to the last byte of the page).
 */
final class ConsoleBench {

  private static final Pattern FORM_ACTION = Pattern.compile("action=\"([^\"]+)\"");

  private ConsoleBench() {
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int officers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    Path home = Files.createTempDirectory("shanhai-bench-console");
    System.setProperty("shanhai.logs", home.resolve("logs").toString());
    System.setProperty("logback.configurationFile", "localstack-logback.xml");
    System.out.println("bringing up the stack (logs in " + home.resolve("logs") + ")…");
    try (LocalStack.Running stack = LocalStack.up(Path.of(""), home, LocalStack.Ports.free(), false, Map.of(),
        new PrintStream(OutputStream.nullOutputStream()))) {
      String console = stack.console().baseUrl();
      Browser changshan = Browser.signIn(console, "officer.changshan", "changshan-demo");
      String project = changshan.firstMatch("/", "href=\"/projects/([^\"?]+)\"");
      String pairing = changshan.firstMatch("/", "href=\"/pairings/([^\"/]+)/projects/new\"");
      Map<String, String> pages = new LinkedHashMap<>();
      pages.put("home", "/");
      pages.put("project", "/projects/" + project);
      pages.put("report", "/projects/" + project + "/report");
      pages.put("register", "/pairings/" + pairing + "/projects/new");
      pages.put("dividends", "/counties/330822/dividends");
      pages.put("alerts", "/alerts");
      pages.put("subscriptions", "/subscriptions");
      pages.put("imports", "/imports");
      Map<String, Browser> signedIn = new LinkedHashMap<>();
      signedIn.put("officer.changshan", changshan);
      signedIn.put("province.admin", Browser.signIn(console, "province.admin", "province-demo"));

      System.out.printf("%d officers, %d rounds of every page each, after a warm-up round%n", officers, rounds);
      System.out.printf("%-14s %s%n", "page", "latency");
      Map<String, List<Long>> timings = new ConcurrentHashMap<>();
      ExecutorService pool = Executors.newFixedThreadPool(officers);
      try {
        for (boolean warmUp : new boolean[] {true, false}) {
          List<Future<?>> running = new ArrayList<>();
          for (int o = 0; o < officers; o++) {
            running.add(pool.submit(() -> {
              for (int round = 0; round < (warmUp ? 1 : rounds); round++) {
                for (Map.Entry<String, String> page : pages.entrySet()) {
                  time(signedIn.get("officer.changshan"), page.getKey(), page.getValue(), warmUp, timings);
                }
                time(signedIn.get("province.admin"), "province", "/province", warmUp, timings);
              }
              return null;
            }));
          }
          for (Future<?> officer : running) {
            officer.get();
          }
        }
      } finally {
        pool.shutdownNow();
      }
      for (String page : timings.keySet().stream().sorted().toList()) {
        long[] nanos = timings.get(page).stream().mapToLong(Long::longValue).toArray();
        System.out.printf("%-14s %s (%d requests)%n", page, Bench.percentiles(nanos), nanos.length);
      }
    }
  }

  private static void time(Browser browser, String name, String path, boolean warmUp, Map<String, List<Long>> timings)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    HttpResponse<String> page = browser.get(path);
    long took = System.nanoTime() - start;
    if (page.statusCode() != 200) {
      throw new IOException(path + " answered " + page.statusCode());
    }
    if (!warmUp) {
      timings.computeIfAbsent(name, n -> Collections.synchronizedList(new ArrayList<>())).add(took);
    }
  }

  /**
   * A browser's part in it: the cookies it holds (the console's session, Keycloak's) and redirects
   * followed by hand, so that Keycloak's cookies, which it marks Secure even on plain-http
   * localhost, are kept as a browser on localhost keeps them.
   */
  private static final class Browser {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    private final String console;

    private Browser(String console) {
      this.console = console;
    }

    static Browser signIn(String console, String user, String password) throws IOException, InterruptedException {
      Browser browser = new Browser(console);
      HttpResponse<String> login = browser.follow(HttpRequest.newBuilder(URI.create(console + "/")).GET().build());
      Matcher action = FORM_ACTION.matcher(login.body());
      if (!action.find()) {
        throw new IOException("no login form at " + login.uri());
      }
      String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
          + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
      HttpResponse<String> home = browser.follow(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
          .build());
      if (!home.uri().toString().equals(console + "/") || home.statusCode() != 200) {
        throw new IOException(user + " was not signed in: " + home.statusCode() + " at " + home.uri());
      }
      return browser;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return follow(HttpRequest.newBuilder(URI.create(console + path)).GET().build());
    }

    String firstMatch(String path, String regex) throws IOException, InterruptedException {
      Matcher found = Pattern.compile(regex).matcher(get(path).body());
      if (!found.find()) {
        throw new IOException("nothing like " + regex + " on " + path);
      }
      return found.group(1);
    }

    private HttpResponse<String> follow(HttpRequest first) throws IOException, InterruptedException {
      HttpRequest request = first;
      for (int hops = 0; hops < 10; hops++) {
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(request.uri())
            .method(request.method(), request.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()));
        request.headers().map().forEach((name, values) -> values.forEach(v -> withCookies.header(name, v)));
        if (!cookies.isEmpty()) {
          withCookies.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
              .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = http.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("Set-Cookie")) {
          String pair = set.split(";", 2)[0];
          int eq = pair.indexOf('=');
          String value = pair.substring(eq + 1);
          if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
            cookies.remove(pair.substring(0, eq));
          } else {
            cookies.put(pair.substring(0, eq), value);
          }
        }
        if (response.statusCode() / 100 != 3) {
          return response;
        }
        URI next = request.uri().resolve(response.headers().firstValue("Location").orElseThrow());
        request = HttpRequest.newBuilder(next).GET().build();
      }
      throw new IOException("too many redirects from " + first.uri());
    }
  }
}
