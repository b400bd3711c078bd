package org.shanhai.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The realm's demo users (deploy/keycloak/demo), as the banner lists them and
 * {@code ./shanhai token} signs them in.
 */
record DemoUsers(List<User> users) {

  static final Path FILE = Path.of("deploy", "keycloak", "demo", "shanhai-users-0.json");

  /** A person who can sign in. */
  record User(String name, String password) {
  }

  static DemoUsers read(Path repository) throws IOException {
    List<User> users = new ArrayList<>();
    for (JsonNode user : DemoApi.JSON.readTree(repository.resolve(FILE).toFile()).path("users")) {
      if (user.has("serviceAccountClientId")) {
        continue;
      }
      users.add(new User(user.path("username").asText(), user.path("credentials").path(0).path("value").asText()));
    }
    return new DemoUsers(List.copyOf(users));
  }

  String password(String name) throws IOException {
    return users.stream().filter(u -> u.name().equals(name)).map(User::password).findFirst()
        .orElseThrow(() -> new IOException(name + " is not a demo user; they are "
            + users.stream().map(User::name).toList()));
  }
}
