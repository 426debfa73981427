package io.amcfacade.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import io.amcfacade.api.model.Problem;

/**
 * Finds the name a resource-method parameter has on the wire ({@code X-On-Behalf-Of}, not
 * {@code xOnBehalfOf}). The JAX-RS annotations sit on the generated interfaces, so they are looked
 * up there.
 */
final class ParameterNames {

    private ParameterNames() {
    }

    /** @return the wire name, or {@code null} for the request body */
    static String wireName(SimpleResourceInfo resource, int index) {
        if (resource == null || resource.getResourceClass() == null) {
            return null;
        }
        for (Class<?> type = resource.getResourceClass(); type != null; type = type.getSuperclass()) {
            String found = wireName(type, resource, index);
            if (found != null) {
                return found;
            }
            for (Class<?> contract : type.getInterfaces()) {
                found = wireName(contract, resource, index);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * After JAX-RS failed to convert a query or path parameter (it only says "404"), finds which one:
     * the first numeric or enum parameter whose value does not convert.
     *
     * @return the problem naming it, if one is found
     */
    static Optional<Problem> unconvertible(SimpleResourceInfo resource, UriInfo uri) {
        if (resource == null || resource.getResourceClass() == null) {
            return Optional.empty();
        }
        Class<?>[] types = resource.parameterTypes();
        for (int i = 0; i < types.length; i++) {
            String name = wireName(resource, i);
            String value = name == null ? null
                    : Optional.ofNullable(uri.getQueryParameters().getFirst(name)).orElse(uri.getPathParameters().getFirst(name));
            if (value == null) {
                continue;
            }
            Optional<String> rule = violatedRule(types[i], value);
            if (rule.isPresent()) {
                return Optional.of(Problems.invalidField(name, rule.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> violatedRule(Class<?> type, String value) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            try {
                Long.parseLong(value.trim());
                return Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.of("must be a whole number");
            }
        }
        if (type == OffsetDateTime.class) {
            try {
                OffsetDateTime.parse(value.trim());
                return Optional.empty();
            } catch (DateTimeParseException e) {
                return Optional.of("must be an RFC 3339 date-time such as 2026-03-31T00:00:00Z");
            }
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            boolean known = Arrays.stream(constants).anyMatch(c -> c.toString().equals(value));
            return known ? Optional.empty() : Optional.of("must be one of " + Arrays.toString(constants));
        }
        return Optional.empty();
    }

    private static String wireName(Class<?> type, SimpleResourceInfo resource, int index) {
        Method method;
        try {
            method = type.getDeclaredMethod(resource.getMethodName(), resource.parameterTypes());
        } catch (NoSuchMethodException e) {
            return null;
        }
        Annotation[][] annotations = method.getParameterAnnotations();
        if (index < 0 || index >= annotations.length) {
            return null;
        }
        for (Annotation annotation : annotations[index]) {
            if (annotation instanceof QueryParam q) {
                return q.value();
            } else if (annotation instanceof PathParam p) {
                return p.value();
            } else if (annotation instanceof HeaderParam h) {
                return h.value();
            } else if (annotation instanceof FormParam f) {
                return f.value();
            } else if (annotation instanceof CookieParam c) {
                return c.value();
            }
        }
        return null;
    }
}
