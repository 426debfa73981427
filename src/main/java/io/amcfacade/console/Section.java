package io.amcfacade.console;

import io.quarkus.qute.TemplateData;

/** The console's navigation, in the order the layout lists it: where each section lives and what it is called. */
@TemplateData
public enum Section {
    ACTIVITY("/console/activity", "Activity"),
    TIMELINE("/console/timeline", "Timeline"),
    ACCESS("/console/access", "Access"),
    INSTANCES("/console/instances", "Instances"),
    VERIFY("/console/verify", "Verify"),
    EXPORT("/console/export", "Export"),
    EVENTS("/console/subscriptions", "Event delivery");

    private final String path;
    private final String label;

    Section(String path, String label) {
        this.path = path;
        this.label = label;
    }

    public String path() {
        return path;
    }

    public String label() {
        return label;
    }
}
