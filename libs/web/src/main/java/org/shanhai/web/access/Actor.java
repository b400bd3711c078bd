package org.shanhai.web.access;

/**
 * Who makes a request: the acting officer, recorded on every change they make and carried in its
 * events. Controllers take it as a parameter; it is resolved from the request in one place.
 */
public record Actor(String name) {
}
