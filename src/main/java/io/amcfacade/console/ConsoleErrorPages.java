package io.amcfacade.console;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.amcfacade.api.model.Problem;
import io.amcfacade.problem.ProblemCode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * On console paths, the problem documents every error becomes (ProblemMappers) are shown as pages: the
 * same status and code, in words, with a way on. It runs after the audit filter has recorded the
 * problem's code (response filters run from the highest priority number down).
 */
public class ConsoleErrorPages {

    @Inject
    ConsoleViewer viewer;
    @Location("console/error.html")
    Template page;

    @ServerResponseFilter(priority = Priorities.USER - 500)
    public void asPage(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem) || !ConsolePaths.isConsole(request.getUriInfo().getPath())) {
            return;
        }
        String html = page.data("viewer", viewer.view()).data("nav", "").data("problem", problem)
                .data("notAllowed", response.getStatus() == 403 && ProblemCode.FORBIDDEN.name().equals(problem.getCode()))
                .data("back", request.getUriInfo().getPath()).render();
        response.setEntity(html, null, MediaType.TEXT_HTML_TYPE.withCharset("utf-8"));
        response.getHeaders().remove("WWW-Authenticate");
    }
}
