package org.shanhai.payouts;

import org.shanhai.testkit.OpenApiDocumentContract;

@PayoutsServiceTest
class OpenApiDocumentIT extends OpenApiDocumentContract {

  @Override
  protected String service() {
    return "payouts";
  }
}
