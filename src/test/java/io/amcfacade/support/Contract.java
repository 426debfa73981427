package io.amcfacade.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** {@code openapi.yaml} as data, and the classes that implement it, for tests that hold the service to its contract. */
public final class Contract {

    public static final Path FILE = Path.of("openapi.yaml");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Path CLASSES = Path.of("target", "classes");

    private Contract() {
    }

    public static JsonNode read(Path file) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode file() {
        return read(FILE);
    }

    /** Every operation of a document, keyed {@code "GET /v1/accounts"}, in document order. */
    public static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> items = path.getValue().fields(); items.hasNext();) {
                Map.Entry<String, JsonNode> item = items.next();
                if (METHODS.contains(item.getKey())) {
                    operations.put(item.getKey().toUpperCase() + " " + path.getKey(), item.getValue());
                }
            }
        }
        return operations;
    }

    /** Follows a local {@code $ref} ({@code #/components/...}); any other node is returned as it is. */
    public static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : document.at(ref.asText().substring(1));
    }

    /** The generated interfaces ({@code io.amcfacade.api.*Api}, {@code io.amcfacade.api.streaming.*Api}). */
    public static List<Class<?>> generatedInterfaces() {
        return classesUnder("io/amcfacade/api").stream().filter(Class::isInterface).toList();
    }

    /** The resource classes that implement a generated interface. */
    public static List<Class<?>> implementations() {
        List<Class<?>> contracts = generatedInterfaces();
        return classesUnder("io/amcfacade").stream()
                .filter(c -> !c.isInterface() && contracts.stream().anyMatch(i -> i.isAssignableFrom(c)))
                .toList();
    }

    /** The resource method that implements the operation with this {@code operationId}. */
    public static Optional<Method> implementationOf(String operationId) {
        for (Class<?> contract : generatedInterfaces()) {
            for (Method operation : contract.getMethods()) {
                if (operation.getName().equals(operationId)) {
                    return implementations().stream().filter(contract::isAssignableFrom).findFirst()
                            .map(c -> method(c, operation));
                }
            }
        }
        return Optional.empty();
    }

    private static Method method(Class<?> implementation, Method operation) {
        try {
            return implementation.getMethod(operation.getName(), operation.getParameterTypes());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Class<?>> classesUnder(String packagePath) {
        try (Stream<Path> files = Files.walk(CLASSES.resolve(packagePath))) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .map(f -> CLASSES.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(Contract::load)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Contract.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
