package io.amcfacade.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.amcfacade.api.model.Problem;
import io.amcfacade.api.model.ProblemFieldError;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** The one place that turns exceptions into {@code application/problem+json} responses. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Problems.response(e.problem(), e.headers());
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class })
    public Response unauthorized() {
        return Problems.response(Problems.of(ProblemCode.UNAUTHORIZED, "A valid bearer token is required."),
                java.util.Map.of("WWW-Authenticate", "Bearer"));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, SimpleResourceInfo resource) {
        String detail = "The caller's roles do not allow this operation.";
        RolesAllowed roles = resource == null || resource.getMethodName() == null ? null : rolesOf(resource);
        if (roles != null) {
            detail = "This operation needs one of the roles " + String.join(", ", roles.value()) + ".";
        }
        return Problems.response(Problems.of(ProblemCode.FORBIDDEN, detail));
    }

    @ServerExceptionMapper
    public Response violations(ResteasyReactiveViolationException e, SimpleResourceInfo resource) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMappers::isReturnValue)) {
            LOG.errorf(e, "A response broke its own contract");
            return internalError();
        }
        List<ProblemFieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new ProblemFieldError(fieldOf(v, resource), v.getMessage()))
                .sorted(java.util.Comparator.comparing(ProblemFieldError::getField))
                .toList();
        String detail = errors.stream().map(f -> f.getField() + ": " + f.getMessage()).collect(Collectors.joining("; "));
        return Problems.response(Problems.invalid(detail, errors));
    }

    @ServerExceptionMapper({ JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class })
    public Response unreadableJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            String rule = "has a value of the wrong type or format";
            if (e instanceof UnrecognizedPropertyException) {
                rule = "is not a field of this request";
            } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                    && invalid.getTargetType().isEnum()) {
                rule = "must be one of " + Arrays.toString(invalid.getTargetType().getEnumConstants());
            } else if (e instanceof ValueInstantiationException creation && creation.getType().isEnumType()) {
                rule = "must be one of " + Arrays.toString(creation.getType().getRawClass().getEnumConstants());
            }
            return Problems.response(Problems.invalidField(field, rule));
        }
        return Problems.response(Problems.of(ProblemCode.MALFORMED_JSON,
                "The request body is not valid JSON: " + e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, SimpleResourceInfo resource, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem(problem);
            }
            if (cause instanceof JsonProcessingException json) {
                return unreadableJson(json);
            }
        }
        int status = e.getResponse().getStatus();
        if (status == 404 && e.getCause() != null) {
            Optional<Problem> unconvertible = ParameterNames.unconvertible(resource, uri);
            if (unconvertible.isPresent()) {
                return Problems.response(unconvertible.get());
            }
        }
        return switch (status) {
            case 404 -> Problems.response(Problems.of(ProblemCode.NOT_FOUND, "No resource at this path."));
            case 405 -> Problems.response(Problems.of(ProblemCode.METHOD_NOT_ALLOWED,
                    "This resource does not support the request method."));
            case 406 -> Problems.response(Problems.of(ProblemCode.NOT_ACCEPTABLE,
                    "This resource answers with application/json (errors with application/problem+json)."));
            case 415 -> Problems.response(Problems.of(ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                    "This resource accepts application/json request bodies."));
            default -> status >= 500 ? internalError(e)
                    : Problems.response(Problems.of(ProblemCode.BAD_REQUEST, e.getMessage()).status(status));
        };
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        return internalError(e);
    }

    private static Response internalError(Throwable e) {
        LOG.error("Unexpected failure", e);
        return internalError();
    }

    private static Response internalError() {
        return Problems.response(Problems.of(ProblemCode.INTERNAL_ERROR,
                "The facade failed unexpectedly; the correlation id identifies the failure in its logs."));
    }

    private static RolesAllowed rolesOf(SimpleResourceInfo resource) {
        RolesAllowed onMethod = Arrays.stream(resource.getResourceClass().getMethods())
                .filter(m -> m.getName().equals(resource.getMethodName()))
                .map(m -> m.getAnnotation(RolesAllowed.class))
                .filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** Names the field as the caller wrote it: {@code limit}, {@code X-On-Behalf-Of}, {@code users[0].emailAddress}. */
    private static String fieldOf(ConstraintViolation<?> violation, SimpleResourceInfo resource) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> {
                    String wire = ParameterNames.wireName(resource, node.as(Path.ParameterNode.class).getParameterIndex());
                    if (wire != null) {
                        names.add(wire);
                    }
                }
                case PROPERTY, CONTAINER_ELEMENT, BEAN -> {
                    if (node.isInIterable() && !names.isEmpty()) {
                        Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                        names.add(names.remove(names.size() - 1) + "[" + position + "]");
                    }
                    if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                        names.add(node.getName());
                    }
                }
                default -> {
                }
            }
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
