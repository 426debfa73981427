package io.amcfacade.support.upstream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;

import io.amcfacade.support.Contract;

/**
 * contract/upstream/ as a checker: says, operation by operation and field by field, how a request to
 * the upstream or an answer from it breaks the contract. Schemas, parameters, security and media
 * types are Atlassian's swagger-request-validator's job; on top of it, the facade's {@code Accept} must
 * name the operation's success media type and both media types must be spelled exactly as declared
 * (decision 0009).
 */
public final class UpstreamContract {

    /** One HTTP exchange as the checker sees it; header names in any case. */
    public record Exchange(String method, String path, Map<String, List<String>> query,
            Map<String, List<String>> headers, String body) {

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }
    }

    public static final Path DIRECTORY = Path.of("contract", "upstream");
    private static final UpstreamContract AMC = new UpstreamContract(DIRECTORY.resolve("amc.yaml"));
    private static final UpstreamContract LWA = new UpstreamContract(DIRECTORY.resolve("login-with-amazon.yaml"));

    private final OpenApiInteractionValidator validator;
    private final Map<Pattern, JsonNode> paths = new LinkedHashMap<>();
    private final Map<Pattern, String> templates = new LinkedHashMap<>();

    private UpstreamContract(Path file) {
        try {
            validator = OpenApiInteractionValidator.createForInlineApiSpecification(Files.readString(file))
                    .withLevelResolver(LevelResolver.create()
                            // The facade may send headers the contract does not list (User-Agent, X-Request-Id...).
                            .withLevel("validation.request.parameter.header.unexpected", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = Contract.read(file).path("paths").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            Pattern pattern = Pattern.compile(path.getKey().replaceAll("\\{[^/]+}", "[^/]+"));
            paths.put(pattern, path.getValue());
            templates.put(pattern, path.getKey());
        }
    }

    /** The contract a path belongs to: Login with Amazon's token endpoint, or AMC's. */
    static UpstreamContract of(String path) {
        return path.startsWith("/auth/") ? LWA : AMC;
    }

    /** Every way the request breaks the contract; empty when it keeps it. */
    public static List<String> checkRequest(Exchange request) {
        return of(request.path()).request(request);
    }

    /** Every way the answer to {@code request} breaks the contract; empty when it keeps it. */
    public static List<String> checkResponse(Exchange request, int status, String contentType, String body) {
        return of(request.path()).response(request, status, contentType, body);
    }

    private List<String> request(Exchange exchange) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(exchange.method(), exchange.path());
        exchange.headers().forEach((name, values) -> builder.withHeader(name, values));
        exchange.query().forEach((name, values) -> builder.withQueryParam(name, values));
        if (exchange.body() != null && !exchange.body().isEmpty()) {
            builder.withBody(exchange.body());
        }
        List<String> violations = messages(operation(exchange), "request", validator.validateRequest(builder.build()));
        operationNode(exchange).ifPresent(operation -> {
            spelling(exchange, "Content-Type", operation.path("requestBody").path("content"), violations);
            accept(exchange, success(operation.path("responses")).path("content"), violations);
        });
        return violations;
    }

    private List<String> response(Exchange exchange, int status, String contentType, String body) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            builder.withContentType(contentType);
        }
        if (body != null && !body.isEmpty()) {
            builder.withBody(body);
        }
        return messages(operation(exchange), "answer " + status,
                validator.validateResponse(exchange.path(), Request.Method.valueOf(exchange.method()), builder.build()));
    }

    /** The operation's success answer: 200 for most, 207 for the manager-account links, 204 for a delete. */
    private static JsonNode success(JsonNode responses) {
        for (Iterator<String> it = responses.fieldNames(); it.hasNext();) {
            String status = it.next();
            if (status.startsWith("2")) {
                return responses.path(status);
            }
        }
        return responses.path("200");
    }

    /** The media type sent must be one the contract declares, letter for letter. */
    private static void spelling(Exchange exchange, String header, JsonNode declared, List<String> violations) {
        exchange.header(header).map(value -> value.split(";", 2)[0].trim()).ifPresent(sent -> {
            List<String> types = new ArrayList<>();
            declared.fieldNames().forEachRemaining(types::add);
            if (!types.isEmpty() && !types.contains(sent)) {
                violations.add(operation(exchange) + " request: " + header + " is '" + sent + "', the contract spells it "
                        + types);
            }
        });
    }

    /** {@code Accept} must name the success media type, in its declared spelling: a server built from the contract answers 406 otherwise. */
    private static void accept(Exchange exchange, JsonNode successContent, List<String> violations) {
        List<String> types = new ArrayList<>();
        successContent.fieldNames().forEachRemaining(types::add);
        if (types.isEmpty()) {
            return;
        }
        String accept = exchange.header("Accept").orElse("");
        List<String> ranges = List.of(accept.split(",")).stream().map(r -> r.split(";", 2)[0].trim()).toList();
        if (ranges.stream().noneMatch(types::contains)) {
            boolean caseOnly = ranges.stream().anyMatch(r -> types.stream().anyMatch(r::equalsIgnoreCase));
            violations.add(operation(exchange) + " request: Accept is '" + accept + "'"
                    + (caseOnly ? " (spelled differently)" : "") + "; the operation answers only in " + types);
        }
    }

    private Optional<JsonNode> operationNode(Exchange exchange) {
        return paths.entrySet().stream().filter(e -> e.getKey().matcher(exchange.path()).matches())
                .map(e -> e.getValue().path(exchange.method().toLowerCase(Locale.ROOT)))
                .filter(node -> !node.isMissingNode()).findFirst();
    }

    private static String operation(Exchange exchange) {
        UpstreamContract contract = of(exchange.path());
        String template = contract.templates.entrySet().stream()
                .filter(e -> e.getKey().matcher(exchange.path()).matches()).map(Map.Entry::getValue).findFirst()
                .orElse(exchange.path());
        return exchange.method() + " " + template;
    }

    private static List<String> messages(String operation, String part, ValidationReport report) {
        List<String> violations = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                violations.add(operation + " " + part + ": " + message.getKey() + ": " + message.getMessage()
                        + (message.getAdditionalInfo().isEmpty() ? "" : " " + message.getAdditionalInfo()));
            }
        }
        return violations;
    }
}
