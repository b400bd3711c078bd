package org.shanhai.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.netty.handler.codec.http.QueryStringDecoder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** Lists read whole, page after page, from a real HTTP server that pages as the services do. */
class ServiceApiTest {

  record Thing(int n) {
  }

  private static final ParameterizedTypeReference<Page<Thing>> THINGS = new ParameterizedTypeReference<>() { };

  /** Each request's query parameters, in the order they came. */
  private static final List<Map<String, List<String>>> requests = new CopyOnWriteArrayList<>();
  private static DisposableServer server;
  private static ServiceApi api;

  @BeforeAll
  static void serve() {
    server = HttpServer.create().host("localhost").port(0)
        .route(routes -> routes.get("/api/v1/lists/{total}", (request, response) -> {
          Map<String, List<String>> query = new QueryStringDecoder(request.uri()).parameters();
          requests.add(query);
          int total = Integer.parseInt(request.param("total"));
          int page = Integer.parseInt(query.get("page").get(0));
          int size = Math.min(Integer.parseInt(query.get("size").get(0)), 200);
          if (query.containsKey("refuseFrom") && page >= Integer.parseInt(query.get("refuseFrom").get(0))) {
            return response.status(503).header("Content-Type", "application/problem+json")
                .sendString(Mono.just(
                    "{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"暂时无法读取\"}"));
          }
          // shiftedAfter=N: N items were added at the head after the first page, as a newest-first list grows.
          int shift = page > 0 && query.containsKey("shiftedAfter")
              ? Integer.parseInt(query.get("shiftedAfter").get(0)) : 0;
          String items = IntStream.range(page * size - shift, Math.min(total, (page + 1) * size) - shift)
              .mapToObj(n -> "{\"n\":" + n + "}").collect(Collectors.joining(","));
          return response.header("Content-Type", "application/json").sendString(Mono.just(
              "{\"items\":[" + items + "],\"page\":" + page + ",\"size\":" + size + ",\"total\":" + total + "}"));
        }))
        .bindNow();
    api = new ServiceApi(WebClient.builder(), URI.create("http://localhost:" + server.port()));
  }

  @AfterAll
  static void stop() {
    server.disposeNow();
  }

  @BeforeEach
  void forget() {
    requests.clear();
  }

  @Test
  void readsEveryPageOfAListLongerThanOne() {
    List<Thing> all = api.all(uri -> uri.path("/api/v1/lists/{total}").queryParam("county", "330723"), THINGS, 450)
        .block();

    assertThat(all).extracting(Thing::n).containsExactlyElementsOf(IntStream.range(0, 450).boxed().toList());
    assertThat(requests).extracting(query -> query.get("page").get(0)).containsExactly("0", "1", "2");
    assertThat(requests).allSatisfy(query -> {
      assertThat(query.get("size")).containsExactly("200");
      assertThat(query.get("county")).containsExactly("330723");
    });
  }

  @Test
  void readsAListThatFitsOnePageInOneRequest() {
    assertThat(api.all(uri -> uri.path("/api/v1/lists/{total}"), THINGS, 200).block()).hasSize(200);
    assertThat(api.all(uri -> uri.path("/api/v1/lists/{total}"), THINGS, 0).block()).isEmpty();
    assertThat(requests).hasSize(2);
  }

  @Test
  void keepsOnceAnItemPushedOntoTheNextPageByOneAddedMeanwhile() {
    List<Thing> all = api.all(uri -> uri.path("/api/v1/lists/{total}").queryParam("shiftedAfter", 1), THINGS, 300)
        .block();

    assertThat(all).extracting(Thing::n).containsExactlyElementsOf(IntStream.range(0, 299).boxed().toList());
  }

  @Test
  void aRefusedLaterPageFailsTheWholeListRatherThanShowingPartOfIt() {
    Mono<List<Thing>> all = api.all(uri -> uri.path("/api/v1/lists/{total}").queryParam("refuseFrom", 1), THINGS, 450);

    assertThatThrownBy(all::block).isInstanceOfSatisfying(ApiRefusal.class, refusal -> {
      assertThat(refusal.status()).isEqualTo(503);
      assertThat(refusal.problem().detail()).isEqualTo("暂时无法读取");
    });
    assertThat(requests).hasSize(2);
  }
}
