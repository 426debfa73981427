package io.amcfacade.web;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.amcfacade.problem.ProblemCode;
import io.amcfacade.problem.ProblemException;
import io.amcfacade.problem.Problems;
import io.vertx.core.http.HttpServerRequest;

/**
 * Refuses requests over {@link RequestLimitsConfig}'s sizes before anything reads them (413, 414, 431);
 * it runs right after the correlation id is taken, so the refusal carries it.
 */
public class RequestLimits {

    @Inject
    RequestLimitsConfig limits;

    @ServerRequestFilter(preMatching = true, nonBlocking = true, priority = jakarta.ws.rs.Priorities.USER + 10)
    public void refuseOversized(ContainerRequestContext request, HttpServerRequest http) {
        if (!ApiPaths.isApi(http.path())) {
            return;
        }
        if (http.uri().length() > limits.maxUriLength()) {
            throw refused(ProblemCode.URI_TOO_LONG, "The request URI is " + http.uri().length()
                    + " characters long; at most " + limits.maxUriLength() + " are read.");
        }
        long headerBytes = 0;
        for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
            for (String value : header.getValue()) {
                headerBytes += header.getKey().length() + value.length() + 4;
            }
        }
        if (headerBytes > limits.maxHeaderBytes()) {
            throw refused(ProblemCode.HEADERS_TOO_LARGE, "The request headers take " + headerBytes
                    + " bytes; at most " + limits.maxHeaderBytes() + " are read.");
        }
        if (request.getLength() > limits.maxBodyBytes()) {
            throw refused(ProblemCode.PAYLOAD_TOO_LARGE, "The request body has " + request.getLength()
                    + " bytes; at most " + limits.maxBodyBytes() + " are read.");
        }
    }

    private static ProblemException refused(ProblemCode code, String detail) {
        return new ProblemException(Problems.of(code, detail));
    }
}
