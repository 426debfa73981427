package io.amcfacade.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** A page's filter as the query string of a link: the set values, URL-encoded, in the order given. */
final class UrlQuery {

    private UrlQuery() {
    }

    /** {@code a=1&b=x%40y}; empty when no value is set. */
    static String of(Map<String, String> values) {
        return values.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
