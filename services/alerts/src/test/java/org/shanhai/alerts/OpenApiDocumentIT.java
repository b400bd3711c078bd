package org.shanhai.alerts;

import org.shanhai.testkit.OpenApiDocumentContract;

@AlertsServiceTest
class OpenApiDocumentIT extends OpenApiDocumentContract {

  @Override
  protected String service() {
    return "alerts";
  }
}
