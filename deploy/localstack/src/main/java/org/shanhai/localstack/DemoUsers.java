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

  /** A person who can sign in: name, password, what they are. */
  record User(String name, String password, String description) {
  }

  static DemoUsers read(Path repository) throws IOException {
    List<User> users = new ArrayList<>();
    for (JsonNode user : DemoApi.JSON.readTree(repository.resolve(FILE).toFile()).path("users")) {
      if (user.has("serviceAccountClientId")) {
        continue;
      }
      List<String> counties = new ArrayList<>();
      user.path("attributes").path("counties").forEach(c -> counties.add(c.asText()));
      List<String> roles = new ArrayList<>();
      user.path("realmRoles").forEach(r -> roles.add(r.asText()));
      users.add(new User(user.path("username").asText(), user.path("credentials").path(0).path("value").asText(),
          user.path("firstName").asText() + user.path("lastName").asText() + " — " + String.join(", ", roles)
              + (counties.isEmpty() ? "" : " " + String.join(", ", counties))));
    }
    return new DemoUsers(List.copyOf(users));
  }

  String password(String name) throws IOException {
    return users.stream().filter(u -> u.name().equals(name)).map(User::password).findFirst()
        .orElseThrow(() -> new IOException(name + " is not a demo user; they are "
            + users.stream().map(User::name).toList()));
  }
}
