package org.shanhai.alerts.projection;

/** One subject the rules look at, as this service's views hold it: a project, a payout or a village. */
public sealed interface SubjectView permits ProjectView, PayoutView, VillageView {
}
