package io.amcfacade.problem;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import io.amcfacade.api.AccountsApi;
import io.amcfacade.api.AuditApi;
import io.amcfacade.api.InstancesApi;
import io.amcfacade.api.InvitationsApi;
import io.amcfacade.api.UsersApi;
import io.amcfacade.api.streaming.AuditExportApi;

/**
 * The methods a path of the API serves, for the {@code Allow} header of a 405 (RFC 9110 requires
 * it; RESTEasy does not say). Read from the interfaces generated from {@code openapi.yaml}, so it is
 * what the contract declares.
 */
final class AllowedMethods {

    private static final List<Route> ROUTES = routes(AccountsApi.class, InvitationsApi.class, UsersApi.class,
            InstancesApi.class, AuditApi.class, AuditExportApi.class);

    private record Route(Pattern path, String method) {
    }

    private AllowedMethods() {
    }

    /** The methods serving {@code path}, e.g. {@code GET, POST}; empty if none does. */
    static String of(String path) {
        Set<String> methods = new TreeSet<>();
        ROUTES.stream().filter(route -> route.path().matcher(path).matches()).forEach(route -> methods.add(route.method()));
        return String.join(", ", methods);
    }

    private static List<Route> routes(Class<?>... apis) {
        List<Route> routes = new ArrayList<>();
        for (Class<?> api : apis) {
            String base = api.isAnnotationPresent(Path.class) ? api.getAnnotation(Path.class).value() : "";
            for (Method method : api.getMethods()) {
                Path path = method.getAnnotation(Path.class);
                String verb = httpMethod(method);
                if (verb != null) {
                    String template = base + (path == null ? "" : path.value());
                    routes.add(new Route(Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+")), verb));
                }
            }
        }
        return List.copyOf(routes);
    }

    private static String httpMethod(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }
}
