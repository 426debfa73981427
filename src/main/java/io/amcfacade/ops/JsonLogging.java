package io.amcfacade.ops;

import java.util.logging.Handler;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogManager;
import org.jboss.logmanager.handlers.ConsoleHandler;

import io.quarkus.runtime.StartupEvent;

/**
 * Switches console logs to one JSON object a line (with the MDC, so the correlation id) when
 * {@code amc.log.json=true}. The quarkus-logging-json extension cannot be resolved for this Quarkus
 * version from the registry we build from (see docs/decisions), so a small formatter is installed
 * on the console handler at start-up; the few lines logged before that stay plain text.
 */
public class JsonLogging {

    void enable(@Observes @Priority(1) StartupEvent event,
            @ConfigProperty(name = "amc.log.json", defaultValue = "false") boolean json) {
        if (!json) {
            return;
        }
        for (Handler handler : LogManager.getLogManager().getLogger("").getHandlers()) {
            useJson(handler);
        }
    }

    private static void useJson(Handler handler) {
        if (handler instanceof ExtHandler parent) {
            for (Handler child : parent.getHandlers()) {
                useJson(child);
            }
        }
        if (handler instanceof ConsoleHandler console) {
            console.setFormatter(new JsonLogFormatter());
        }
    }
}
