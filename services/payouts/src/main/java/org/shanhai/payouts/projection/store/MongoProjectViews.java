package org.shanhai.payouts.projection.store;

import static com.mongodb.client.model.Filters.eq;

import java.util.Collection;
import java.util.function.UnaryOperator;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.ProjectId;
import org.shanhai.messaging.consumer.Views;
import org.shanhai.messaging.mongo.Values;
import org.shanhai.payouts.projection.PairingView;
import org.shanhai.payouts.projection.ProjectView;
import org.shanhai.payouts.projection.ProjectViews;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Projects and pairings in {@code project_views} and {@code pairing_views}, one document per aggregate. */
@Repository
class MongoProjectViews implements ProjectViews {

  private static final Views.Codec<ProjectView> PROJECT = new Views.Codec<>() {
    @Override
    public Document encode(ProjectView v) {
      return new Document("name", v.name()).append("pairingId", v.pairingId())
          .append("mountainCounty", Values.county(v.mountainCounty()))
          .append("partnerCounty", Values.county(v.partnerCounty()))
          .append("hostCounty", Values.county(v.hostCounty())).append("kind", v.kind()).append("status", v.status());
    }

    @Override
    public ProjectView decode(Document d) {
      return new ProjectView(Values.project(d.getString("_id")), d.getString("name"), d.getString("pairingId"),
          Values.county(d.getString("mountainCounty")), Values.county(d.getString("partnerCounty")),
          Values.county(d.getString("hostCounty")), d.getString("kind"), d.getString("status"));
    }
  };

  private static final Views.Codec<PairingView> PAIRING = new Views.Codec<>() {
    @Override
    public Document encode(PairingView v) {
      return new Document("mountainCounty", Values.county(v.mountainCounty()))
          .append("partnerCounty", Values.county(v.partnerCounty())).append("since", v.since())
          .append("until", v.until());
    }

    @Override
    public PairingView decode(Document d) {
      return new PairingView(d.getString("_id"), Values.county(d.getString("mountainCounty")),
          Values.county(d.getString("partnerCounty")), d.getInteger("since"), d.getInteger("until"));
    }
  };

  private final Views<ProjectView> projects;
  private final Views<PairingView> pairings;

  static final String PROJECTS = "project_views";
  static final String PAIRINGS = "pairing_views";

  @Autowired
  MongoProjectViews(MongoDatabase database) {
    this(database, "");
  }

  /** The views in collections named with {@code suffix}: where a rebuild folds them before they replace these. */
  MongoProjectViews(MongoDatabase database, String suffix) {
    this.projects = new Views<>(database.getCollection(PROJECTS + suffix), PROJECT);
    this.pairings = new Views<>(database.getCollection(PAIRINGS + suffix), PAIRING);
  }

  @Override
  public Mono<Void> readAhead(Collection<ProjectId> projectIds, Collection<String> pairingIds) {
    return Mono.when(projects.readAhead(projectIds.stream().map(ProjectId::value).toList()),
        pairings.readAhead(pairingIds));
  }

  @Override
  public Mono<Boolean> updateProject(ProjectId projectId, long sequence, UnaryOperator<ProjectView> fold) {
    return projects.apply(projectId.value(), sequence, fold);
  }

  @Override
  public Mono<Boolean> updatePairing(String pairingId, long sequence, UnaryOperator<PairingView> fold) {
    return pairings.apply(pairingId, sequence, fold);
  }

  @Override
  public Mono<ProjectView> project(ProjectId projectId) {
    return projects.find(projectId.value());
  }

  @Override
  public Mono<PairingView> pairing(String pairingId) {
    return pairings.find(pairingId);
  }

  @Override
  public Mono<Boolean> isMountainCounty(CountyCode county) {
    return pairings.count(eq("mountainCounty", county.code())).map(n -> n > 0);
  }
}
