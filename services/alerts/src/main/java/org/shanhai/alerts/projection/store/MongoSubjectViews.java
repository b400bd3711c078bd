package org.shanhai.alerts.projection.store;

import java.util.Collection;
import java.util.function.UnaryOperator;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.shanhai.alerts.projection.PayoutView;
import org.shanhai.alerts.projection.ProjectView;
import org.shanhai.alerts.projection.SubjectView;
import org.shanhai.alerts.projection.SubjectViews;
import org.shanhai.alerts.projection.VillageView;
import org.shanhai.messaging.consumer.Views;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Projects, payouts and villages in {@code project_views}, {@code payout_views} and {@code village_views}. */
@Repository
class MongoSubjectViews implements SubjectViews {

  private final Views<ProjectView> projects;
  private final Views<PayoutView> payouts;
  private final Views<VillageView> villages;

  static final String PROJECTS = "project_views";
  static final String PAYOUTS = "payout_views";
  static final String VILLAGES = "village_views";

  @Autowired
  MongoSubjectViews(MongoDatabase database) {
    this(database, "");
  }

  /** The views in collections named with {@code suffix}: where a rebuild folds them before they replace these. */
  MongoSubjectViews(MongoDatabase database, String suffix) {
    this.projects = new Views<>(database.getCollection(PROJECTS + suffix), ViewDocuments.PROJECT);
    this.payouts = new Views<>(database.getCollection(PAYOUTS + suffix), ViewDocuments.PAYOUT);
    this.villages = new Views<>(database.getCollection(VILLAGES + suffix), ViewDocuments.VILLAGE);
  }

  @Override
  public Mono<Void> readAhead(Collection<String> projectIds, Collection<String> payoutIds,
      Collection<String> villageIds) {
    return Mono.when(projects.readAhead(projectIds), payouts.readAhead(payoutIds), villages.readAhead(villageIds));
  }

  @Override
  public Mono<Updated> updateProject(String projectId, long sequence, UnaryOperator<ProjectView> fold) {
    return projects.fold(projectId, sequence, fold).map(MongoSubjectViews::updated);
  }

  @Override
  public Mono<Updated> updatePayout(String payoutId, long sequence, UnaryOperator<PayoutView> fold) {
    return payouts.fold(payoutId, sequence, fold).map(MongoSubjectViews::updated);
  }

  @Override
  public Mono<Updated> updateVillage(String villageId, long sequence, UnaryOperator<VillageView> fold) {
    return villages.fold(villageId, sequence, fold).map(MongoSubjectViews::updated);
  }

  private static Updated updated(Views.Folded<? extends SubjectView> folded) {
    return new Updated(folded.changed(), folded.view());
  }

  @Override
  public Flux<ProjectView> projects() {
    return projects.find(new Document());
  }

  @Override
  public Flux<PayoutView> payouts() {
    return payouts.find(new Document());
  }

  @Override
  public Flux<VillageView> villages() {
    return villages.find(new Document());
  }
}
