/** How the projects service says no: violations collected per field, and the rejections the web layer turns into problem+json. */
package org.shanhai.projects.validation;
