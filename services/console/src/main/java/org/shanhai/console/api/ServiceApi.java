package org.shanhai.console.api;

import java.net.URI;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One service's API, called as the signed-in officer (their access token is added by the client's
 * filter). An error answer becomes an {@link ApiRefusal} carrying the service's problem document,
 * so the pages can show what the service said, at the fields it named.
 */
public final class ServiceApi {

  /** The APIs' largest page, so that most lists take one request. */
  static final int LARGEST_PAGE = 200;

  private final WebClient client;

  public ServiceApi(WebClient.Builder builder, URI base) {
    this.client = builder.baseUrl(base.toString()).build();
  }

  public <T> Mono<T> get(Function<UriBuilder, URI> uri, ParameterizedTypeReference<T> type) {
    return client.get().uri(uri).accept(MediaType.APPLICATION_JSON).retrieve()
        .onStatus(HttpStatusCode::isError, ServiceApi::refusal)
        .bodyToMono(type);
  }

  public <T> Mono<T> get(Function<UriBuilder, URI> uri, Class<T> type) {
    return get(uri, ParameterizedTypeReference.forType(type));
  }

  /**
   * Every item of a list, page after page until its total. A list the console shows or counts must
   * not stop at its first page: the province's projects and open alerts outgrow one. {@code list}
   * names the path and its filters; {@code pathVariables} fill the path's template.
   *
   * <p>An item added at the head of the list between two pages (a report arriving, newest first)
   * pushes the last item of a page onto the next one; it is kept once. (An item taken out between
   * two pages lets one slip past until the next read: the APIs page by offset, not by cursor.)
   */
  public <T> Mono<List<T>> all(Function<UriBuilder, UriBuilder> list, ParameterizedTypeReference<Page<T>> type,
      Object... pathVariables) {
    return Flux.range(0, Integer.MAX_VALUE)
        .concatMap(page -> get(uri -> list.apply(uri).queryParam("page", page).queryParam("size", LARGEST_PAGE)
            .build(pathVariables), type))
        .takeUntil(page -> page.items().isEmpty() || (long) (page.page() + 1) * page.size() >= page.total())
        .flatMapIterable(Page::items).distinct().collectList();
  }

  /** Posts {@code body} as JSON; {@code headers} adds e.g. the Idempotency-Key and If-Match. */
  public <T> Mono<ResponseEntity<T>> post(Function<UriBuilder, URI> uri, Object body,
      Consumer<HttpHeaders> headers, Class<T> type) {
    return client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
        .headers(headers).bodyValue(body).retrieve()
        .onStatus(HttpStatusCode::isError, ServiceApi::refusal)
        .toEntity(type);
  }

  /** Posts {@code parts} as multipart/form-data (a file passed through as it streams in). */
  public <T> Mono<T> postMultipart(Function<UriBuilder, URI> uri, MultiValueMap<String, HttpEntity<?>> parts,
      Class<T> type) {
    return client.post().uri(uri).contentType(MediaType.MULTIPART_FORM_DATA).accept(MediaType.APPLICATION_JSON)
        .body(BodyInserters.fromMultipartData(parts)).retrieve()
        .onStatus(HttpStatusCode::isError, ServiceApi::refusal)
        .bodyToMono(type);
  }

  /** A file the service hands out, streamed through with its type and its name (Content-Disposition). */
  public Mono<ResponseEntity<Flux<DataBuffer>>> download(Function<UriBuilder, URI> uri) {
    return client.get().uri(uri).retrieve()
        .onStatus(HttpStatusCode::isError, ServiceApi::refusal)
        .toEntityFlux(DataBuffer.class)
        .map(entity -> ResponseEntity.status(entity.getStatusCode())
            .headers(headers -> {
              headers.setContentType(entity.getHeaders().getContentType());
              headers.set(HttpHeaders.CONTENT_DISPOSITION, entity.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION));
            })
            .body(entity.getBody()));
  }

  WebClient client() {
    return client;
  }

  private static Mono<? extends Throwable> refusal(ClientResponse response) {
    int status = response.statusCode().value();
    return response.bodyToMono(Problem.class)
        .onErrorResume(unreadable -> Mono.empty())
        .defaultIfEmpty(new Problem(null, response.statusCode().toString(), status, null, null))
        .map(problem -> new ApiRefusal(status, problem));
  }
}
