package io.amcfacade.instances;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.amcfacade.api.model.Instance;
import io.amcfacade.api.model.Operation;

/**
 * What the generated interface cannot say: an answer that starts an operation is {@code 202} with the
 * operation's {@code Location}, and an instance comes with its {@code ETag}. Runs before the idempotency filter
 * stores the answer (response filters run from the highest priority number down), so a replay answers 202 too.
 */
public class InstanceAnswers {

    private static final Pattern OPERATION_ID = Pattern.compile("\"operationId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Set<String> STARTS = Set.of("createInstance", "deleteInstance", "createAdvertiserUpdate");

    @ServerResponseFilter(priority = Priorities.USER + 300)
    public void answer(ResourceInfo resource, ContainerResponseContext response) {
        if (resource.getResourceMethod() == null) {
            return;
        }
        if (response.getStatus() == 202 && response.getEntity() instanceof String replayed
                && STARTS.contains(resource.getResourceMethod().getName())) {
            // A replay of a start (the stored body): it points to the same operation.
            Matcher id = OPERATION_ID.matcher(replayed);
            if (id.find()) {
                response.getHeaders().putSingle("Location", "/v1/operations/" + id.group(1));
            }
            return;
        }
        if (response.getStatus() != 200) {
            return;
        }
        if (response.getEntity() instanceof Operation operation
                && STARTS.contains(resource.getResourceMethod().getName())) {
            response.setStatus(202);
            response.getHeaders().putSingle("Location", "/v1/operations/" + operation.getOperationId());
        } else if (response.getEntity() instanceof Instance instance) {
            response.getHeaders().putSingle("ETag", InstanceEtag.of(instance));
        }
    }
}
