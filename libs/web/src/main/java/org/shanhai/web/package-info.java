/**
 * The HTTP conventions every Shanhai service shares (DESIGN.md §5, §6, §10): problem+json for every
 * error with field-level violations, the list shape and paging, and the request headers of writes.
 * {@code validation} and {@code paging} are plain Java, usable from domain code.
 */
package org.shanhai.web;
