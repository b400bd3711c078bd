package org.shanhai.payouts.projection.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.shanhai.events.projects.PairingEnded;
import org.shanhai.events.projects.PairingRegistered;
import org.shanhai.events.projects.ProgressReported;
import org.shanhai.events.projects.ProjectRegistered;
import org.shanhai.events.projects.ProjectStatusChanged;
import org.shanhai.messaging.consumer.IncomingEvent;
import org.shanhai.messaging.consumer.Projection;
import org.shanhai.payouts.projection.PairingView;
import org.shanhai.payouts.projection.ProjectView;
import org.shanhai.payouts.projection.Projections;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Projects and pairings in the collections {@code project_views} and {@code pairing_views}, one
 * document per aggregate with the sequence of the last event applied. Event types this service
 * does not need are ignored; unknown fields are ignored (events evolve additively).
 */
@Repository
class MongoProjections implements Projections {

  private final MongoCollection<Document> projects;
  private final MongoCollection<Document> pairings;
  private final JsonMapper json;

  MongoProjections(MongoDatabase database, JsonMapper json) {
    this.projects = database.getCollection("project_views");
    this.pairings = database.getCollection("pairing_views");
    this.json = json;
  }

  @Override
  public Mono<Projection.Outcome> apply(IncomingEvent event) {
    JsonNode data;
    try {
      data = json.readTree(event.data());
    } catch (RuntimeException e) {
      throw new IncomingEvent.PoisonEvent("the data of " + event.type() + " " + event.id() + " is not JSON");
    }
    return switch (event.type()) {
      case PairingRegistered.TYPE, PairingEnded.TYPE -> Projection.applyIfNewer(pairings, event.subject(), event.sequence(),
          Updates.combine(set(data, "mountainCounty"), set(data, "partnerCounty"),
              Updates.set("since", required(data, "since").asInt()), Updates.set("until", intOrNull(data, "until"))));
      case ProjectRegistered.TYPE -> Projection.applyIfNewer(projects, event.subject(), event.sequence(),
          Updates.combine(set(data, "name"), set(data, "pairingId"), set(data, "mountainCounty"),
              set(data, "partnerCounty"), set(data, "hostCounty"), set(data, "kind"), set(data, "status")));
      case ProgressReported.TYPE -> Projection.applyIfNewer(projects, event.subject(), event.sequence(),
          Updates.combine(set(data, "pairingId"), set(data, "mountainCounty"), set(data, "partnerCounty"),
              set(data, "kind"), set(data, "status")));
      case ProjectStatusChanged.TYPE -> Projection.applyIfNewer(projects, event.subject(), event.sequence(),
          Updates.set("status", required(data, "to").asText()));
      default -> Mono.just(Projection.Outcome.IGNORED);
    };
  }

  @Override
  public Mono<ProjectView> project(String projectId) {
    return Mono.from(projects.find(eq("_id", projectId)).first())
        .filter(d -> d.getString("kind") != null) // a status change seen before its registration
        .map(d -> new ProjectView(d.getString("_id"), d.getString("name"), d.getString("pairingId"),
            d.getString("mountainCounty"), d.getString("partnerCounty"), d.getString("hostCounty"),
            d.getString("kind"), d.getString("status")));
  }

  @Override
  public Mono<PairingView> pairing(String pairingId) {
    return Mono.from(pairings.find(eq("_id", pairingId)).first())
        .map(d -> new PairingView(d.getString("_id"), d.getString("mountainCounty"), d.getString("partnerCounty"),
            d.getInteger("since"), d.getInteger("until")));
  }

  @Override
  public Mono<Boolean> isMountainCounty(String county) {
    return Mono.from(pairings.countDocuments(eq("mountainCounty", county))).map(n -> n > 0);
  }

  private static Bson set(JsonNode data, String field) {
    return Updates.set(field, required(data, field).asText());
  }

  private static JsonNode required(JsonNode data, String field) {
    JsonNode value = data.path(field);
    if (value.isMissingNode() || value.isNull()) {
      throw new IncomingEvent.PoisonEvent("the event has no " + field);
    }
    return value;
  }

  private static Integer intOrNull(JsonNode data, String field) {
    JsonNode value = data.path(field);
    return value.isNull() || value.isMissingNode() ? null : value.asInt();
  }
}
