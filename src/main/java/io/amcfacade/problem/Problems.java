package io.amcfacade.problem;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import io.amcfacade.api.model.Problem;
import io.amcfacade.api.model.ProblemFieldError;

/**
 * Builds RFC 9457 problem documents. The {@code type} URI is derived from the stable {@code code};
 * the correlation id is filled in on the way out by {@code CorrelationIdFilter}.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://amc-facade.dev/problems/";

    private Problems() {
    }

    public static Problem of(ProblemCode code, String detail) {
        return new Problem(URI.create(TYPE_BASE + code.name().toLowerCase(Locale.ROOT).replace('_', '-')), code.title(),
                code.status(), code.name())
                .detail(detail)
                .errors(null);
    }

    public static Problem invalid(String detail, List<ProblemFieldError> errors) {
        return of(ProblemCode.INVALID_REQUEST, detail).errors(errors.isEmpty() ? null : errors);
    }

    public static Problem invalidField(String field, String message) {
        return invalid(field + ": " + message, List.of(new ProblemFieldError(field, message)));
    }

    public static Response response(Problem problem) {
        return response(problem, Map.of());
    }

    public static Response response(Problem problem, Map<String, String> headers) {
        Response.ResponseBuilder builder = Response.status(problem.getStatus()).type(MEDIA_TYPE).entity(problem);
        headers.forEach(builder::header);
        return builder.build();
    }
}
