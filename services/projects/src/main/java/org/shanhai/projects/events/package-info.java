/** Where the projects service's events enter the outbox of the document they belong to. */
package org.shanhai.projects.events;
