package io.amcfacade.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.quarkus.qute.TemplateExtension;

/**
 * Values put into the console's links, encoded for where they stand: {@code {email.urlParam}} in a
 * query string, {@code {id.urlSegment}} in a path. Without it an email such as {@code ops+amc@example.com}
 * reached the next page as {@code ops amc@example.com} (a {@code +} in a query means a space), and an id
 * with {@code &} or {@code #} cut the link short.
 */
@TemplateExtension
final class ConsoleLinks {

    private ConsoleLinks() {
    }

    static String urlParam(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String urlSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
