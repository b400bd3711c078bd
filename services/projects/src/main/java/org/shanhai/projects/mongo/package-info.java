/** Storage conventions shared by the feature stores of the projects service. */
package org.shanhai.projects.mongo;
