/**
 * The API conventions every Shanhai service shares (DESIGN.md §5, §6, §10): problem+json for every
 * error with field-level violations, the list shape and paging, the acting user, and the request
 * headers of writes. {@code validation}, {@code paging}, {@code access} and {@code write} are plain
 * Java, used by domain code: the errors it raises, the page it returns, who acts, and the one
 * protocol of idempotent creates and compare-and-set changes.
 */
package org.shanhai.web;
