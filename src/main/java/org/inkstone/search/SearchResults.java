package org.inkstone.search;

import java.util.List;

/**
 * One page of search results.
 *
 * @param query  the query as given
 * @param total  number of articles matching the query and filters
 * @param offset hits skipped
 * @param hits   the hits of this page, best first
 */
public record SearchResults(SearchQuery query, long total, int offset, List<SearchHit> hits) {
}
