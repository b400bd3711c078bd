package org.shanhai.console.api;

import java.util.List;

/** One page of an API list: {@code {"items":[…],"page":0,"size":50,"total":N}}. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
