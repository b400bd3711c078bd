package org.shanhai.alerts.store;

import org.bson.Document;
import org.shanhai.alerts.Reason;

/** A reason as the stores keep it: {@code {code, detail}}; written before reasons had codes, the detail alone. */
public final class ReasonDocuments {

  private ReasonDocuments() {
  }

  public static Document toDocument(Reason reason) {
    return reason == null ? null : new Document("code", reason.code()).append("detail", reason.detail());
  }

  public static Reason fromStored(Object stored) {
    if (stored instanceof Document r) {
      return new Reason(r.getString("code"), r.getString("detail"));
    }
    return stored instanceof String detail ? new Reason(null, detail) : null;
  }
}
