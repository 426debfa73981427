package io.amcfacade.console;

import io.quarkus.qute.TemplateData;

/** What is wrong with one field of a console form, named as the URL names it: {@code outcome}, "must be one of …". */
@TemplateData
public record FieldError(String field, String rule) {
}
