package io.amcfacade.console;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.amcfacade.api.model.Problem;
import io.amcfacade.problem.ProblemCode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * On console paths, the problem documents every error becomes (ProblemMappers) are shown as pages: the
 * same status and code, in words, with a way on. It runs after the audit filter has recorded the
 * problem's code (response filters run from the highest priority number down).
 */
public class ConsoleErrorPages {

    @Inject
    ConsoleViewer viewer;

    /**
     * {@code console/error-page.html}: the problem document in words, with every field it names;
     * {@code notAllowed} when a signed-in viewer lacks the console's role, {@code back} the page to start again from.
     */
    @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record ErrorPage(Layout layout, String title, String detail, List<FieldError> errors, String code, int status,
            String correlationId, boolean notAllowed, String back) implements TemplateInstance {
    }

    @ServerResponseFilter(priority = Priorities.USER - 500)
    public void asPage(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem) || !ConsolePaths.isConsole(request.getUriInfo().getPath())) {
            return;
        }
        List<FieldError> errors = problem.getErrors() == null ? List.of()
                : problem.getErrors().stream().map(e -> new FieldError(e.getField(), e.getMessage())).toList();
        // Unauthenticated: there is no viewer to show, and asking for one would resolve the failed sign-in again.
        Layout layout = ProblemCode.UNAUTHORIZED.name().equals(problem.getCode()) ? ConsoleViewer.NOBODY : viewer.layout(null);
        String html = new ErrorPage(layout, problem.getTitle(), problem.getDetail(), errors, problem.getCode(),
                problem.getStatus() == null ? response.getStatus() : problem.getStatus(), problem.getCorrelationId(),
                response.getStatus() == 403 && ProblemCode.FORBIDDEN.name().equals(problem.getCode()),
                request.getUriInfo().getPath()).render();
        response.setEntity(html, null, MediaType.TEXT_HTML_TYPE.withCharset("utf-8"));
        response.getHeaders().remove("WWW-Authenticate");
    }
}
