package org.shanhai.web;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The HTTP server every service runs on (Reactor Netty, under WebFlux) answers every request on a
 * kept-alive connection, also after a request that arrived before the one ahead of it had ended.
 * Before reactor-netty 1.3.8 (reactor-netty#4361) the connection then stopped being read, and the
 * next request on it was never answered: in the services' tests, now and then a request after a
 * quickly answered one waited out the test client's 30 s. The pom pins 1.3.8; this fails below it.
 */
class KeptAliveConnectionTest {

  @Test
  void aRequestThatCameBeforeThePreviousOneEndedLeavesTheConnectionReadingTheNext() throws IOException {
    DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
        .handle((request, response) -> response.sendString(request.uri().equals("/slow")
            ? Mono.delay(Duration.ofMillis(50)).thenReturn(request.uri()) : Mono.just(request.uri())))
        .bindNow(Duration.ofSeconds(10));
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      // The second request arrives while the first is still being answered, so the server queues it.
      out.write((get("/slow") + get("/quick")).getBytes(US_ASCII));
      out.flush();
      assertThat(body(in)).isEqualTo("/slow");
      assertThat(body(in)).isEqualTo("/quick");

      out.write(get("/next").getBytes(US_ASCII));
      out.flush();
      assertThat(body(in)).as("the request after them, on the same connection").isEqualTo("/next");
    } finally {
      server.disposeNow();
    }
  }

  private static String get(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
  }

  /** One response's body, read by its Content-Length; a response that never comes fails on the socket's timeout. */
  private static String body(InputStream in) throws IOException {
    int length = -1;
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring("content-length:".length()).strip());
      }
    }
    assertThat(length).as("a Content-Length").isNotNegative();
    return new String(in.readNBytes(length), US_ASCII);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the server closed the connection");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(US_ASCII);
  }
}
