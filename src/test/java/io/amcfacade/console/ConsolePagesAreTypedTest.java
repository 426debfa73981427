package io.amcfacade.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Every console template is a checked template record, so its expressions are checked when the project
 * builds: a new page written the old way (an injected {@link Template} filled with {@code .data("key", …)})
 * or a template without its record fails here. The layout is the exception, checked through its own
 * parameter declaration.
 */
class ConsolePagesAreTypedTest {

    private static final Path TEMPLATES = Path.of("src", "main", "resources", "templates", "console");
    private static final JavaClasses CONSOLE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.amcfacade.console");

    @Test
    void everyConsoleTemplateHasACheckedRecordAndTheLayoutDeclaresItsParameter() throws IOException {
        List<JavaClass> pages = CONSOLE.stream().filter(c -> c.isRecord() && c.isAssignableTo(TemplateInstance.class)).toList();
        assertThat(pages).as("each under console/ with a hyphenated name")
                .allMatch(c -> c.isAnnotatedWith(CheckedTemplate.class));
        Set<String> records = pages.stream().map(c -> hyphenated(c.getSimpleName())).collect(Collectors.toSet());
        List<String> templates;
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            templates = files.map(f -> f.getFileName().toString().replaceFirst("\\.html$", ""))
                    .filter(name -> !name.equals("layout")).sorted().toList();
        }

        assertThat(templates).isNotEmpty();
        assertThat(records).as("a template record for each console template").containsAll(templates);
        assertThat(Files.readString(TEMPLATES.resolve("layout.html"))).contains("{@io.amcfacade.console.Layout layout}");
    }

    @Test
    void noConsoleClassFillsATemplateByHand() {
        List<String> untyped = CONSOLE.stream().flatMap(c -> c.getFields().stream())
                .filter(f -> f.getRawType().isEquivalentTo(Template.class)).map(JavaField::getFullName).toList();
        assertThat(untyped).as("Template fields in io.amcfacade.console").isEmpty();
    }

    /** {@code AccessHistory} → {@code access-history}, as {@link CheckedTemplate#HYPHENATED_ELEMENT_NAME} names it. */
    private static String hyphenated(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

}
