/** Retried writes that return the first answer instead of repeating the work. */
package org.shanhai.projects.idempotency;
