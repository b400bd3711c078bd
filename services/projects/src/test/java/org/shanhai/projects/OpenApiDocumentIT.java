package org.shanhai.projects;

import org.shanhai.testkit.OpenApiDocumentContract;

@ProjectsServiceTest
class OpenApiDocumentIT extends OpenApiDocumentContract {

  @Override
  protected String service() {
    return "projects";
  }
}
