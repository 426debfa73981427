package io.amcfacade.console;

import java.util.List;

import io.quarkus.qute.TemplateData;

/**
 * What the layout around every console page shows, declared once: who is looking (with their sign-out
 * token), the navigation, and the section the page belongs to ({@code null}: none, as on an error page).
 * {@code layout.html} declares it as its parameter, so its expressions are checked when the project builds.
 */
@TemplateData
public record Layout(ConsoleViewer.View viewer, Section current) {

    public List<Section> sections() {
        return List.of(Section.values());
    }

    /** Whether {@code section} is the one this page belongs to (the navigation marks it). */
    public boolean isCurrent(Section section) {
        return section == current;
    }
}
