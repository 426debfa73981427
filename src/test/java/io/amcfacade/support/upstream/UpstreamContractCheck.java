package io.amcfacade.support.upstream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.amcfacade.sandbox.faults.SandboxFaultFilter;
import io.amcfacade.upstream.AmcMediaTypes;

/**
 * In every {@code @QuarkusTest}: checks each request the facade sends to the sandbox (told apart by its
 * {@code User-Agent}) and each answer a simulated AMC or Login with Amazon endpoint gives anyone against
 * contract/upstream/, and files what breaks it with {@link UpstreamContractViolations}. Requests tests
 * send by hand are not checked (many break the contract on purpose, to meet the sandbox's refusals);
 * answers a fault injection replaced are not either (they are meant to be wrong).
 */
public class UpstreamContractCheck {

    private static final String EXCHANGE = UpstreamContractCheck.class.getName() + ".exchange";
    private static final String PREFIX = "/sandbox";
    private static final List<String> SIMULATED = List.of("/amc/", "/user-invitations", "/users/", "/userRoles/",
            "/userPermissions", "/managerAccounts", "/auth/o2/token");

    @Inject
    ObjectMapper mapper;

    /**
     * Before the fault filter, so a request it throttles is still checked. Runs on the worker thread the
     * (blocking) sandbox endpoint runs on, so it may read the body and hand the endpoint a copy; a form
     * (Login with Amazon) is left alone for the framework to read, and its request goes unchecked.
     */
    @ServerRequestFilter(priority = 4000)
    public void request(ContainerRequestContext context) throws IOException {
        String path = context.getUriInfo().getPath();
        if (!path.startsWith(PREFIX + "/")) {
            return;
        }
        String upstreamPath = path.substring(PREFIX.length());
        if (SIMULATED.stream().noneMatch(upstreamPath::startsWith)) {
            return;
        }
        boolean form = MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(context.getMediaType());
        byte[] body = form || !context.hasEntity() ? new byte[0] : context.getEntityStream().readAllBytes();
        if (!form) {
            context.setEntityStream(new ByteArrayInputStream(body));
        }
        UpstreamContract.Exchange exchange = new UpstreamContract.Exchange(context.getMethod(), upstreamPath,
                new LinkedHashMap<>(context.getUriInfo().getQueryParameters()), headers(context),
                new String(body, StandardCharsets.UTF_8));
        context.setProperty(EXCHANGE, exchange);
        String agent = context.getHeaderString(HttpHeaders.USER_AGENT);
        if (!form && agent != null && agent.startsWith(AmcMediaTypes.USER_AGENT)) {
            UpstreamContractViolations.add(UpstreamContract.checkRequest(exchange));
        }
    }

    /** Last of the response filters, so it sees the answer as sent. */
    @ServerResponseFilter(priority = 10)
    public void response(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        UpstreamContract.Exchange exchange = (UpstreamContract.Exchange) request.getProperty(EXCHANGE);
        if (exchange == null || request.getProperty(SandboxFaultFilter.FAULTED) != null) {
            return;
        }
        Object entity = response.getEntity();
        String body = entity == null ? null : entity instanceof String text ? text : mapper.writeValueAsString(entity);
        UpstreamContractViolations.add(UpstreamContract.checkResponse(exchange, response.getStatus(),
                response.getHeaderString(HttpHeaders.CONTENT_TYPE), body));
    }

    private static Map<String, List<String>> headers(ContainerRequestContext context) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        context.getHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        return headers;
    }
}
