package io.amcfacade.events;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * When this replica delivers: at once when a seal commits on any replica ({@link SealAnnouncements}), and every
 * {@code amc.events.poll-interval} in any case (the fallback: an announcement missed while the listening connection
 * was down, a retry that came due, a lease that lapsed). One thread runs {@link EventDeliverer#deliverDue} a round at a
 * time; a wake-up during a round is kept, so the round after it looks again: no seal's announcement is lost to a
 * round already past its read. Off when {@code amc.events.scheduled} is false (tests drive the deliverer).
 */
@ApplicationScoped
class DeliveryLoop {

    private static final Logger LOG = Logger.getLogger(DeliveryLoop.class);

    private final EventDeliverer deliverer;
    private final EventsConfig config;
    private final SealAnnouncements announcements;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread loop;
    private Thread listener;

    DeliveryLoop(EventDeliverer deliverer, EventsConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.deliverer = deliverer;
        this.config = config;
        this.announcements = new SealAnnouncements(jdbcUrl, user.orElse(null), password.orElse(null), this::wake);
    }

    void start(@Observes StartupEvent event) {
        if (!config.scheduled()) {
            return;
        }
        running = true;
        loop = new Thread(this::deliverWhileRunning, "events-deliverer");
        loop.setDaemon(true);
        loop.start();
        if (config.wakeOnSeal()) {
            listener = new Thread(announcements, "events-seal-listener");
            listener.setDaemon(true);
            listener.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (!running) {
            return;
        }
        running = false;
        announcements.stop();
        wake();
        try {
            loop.join(Duration.ofSeconds(5).toMillis()); // a round in flight ends; its page is sent again if cut
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deliver now: a seal committed (or a round should look again). */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void deliverWhileRunning() {
        long pollNanos = config.pollInterval().toNanos();
        long due = System.nanoTime() + pollNanos;
        while (running) {
            try {
                synchronized (signal) {
                    long left;
                    while (!woken && running && (left = due - System.nanoTime()) > 0) {
                        signal.wait(Math.max(1, left / 1_000_000));
                    }
                    woken = false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!running) {
                return;
            }
            due = System.nanoTime() + pollNanos;
            try {
                deliverer.deliverDue();
            } catch (RuntimeException e) {
                LOG.warnf("Delivering events failed this round: %s", e.getMessage());
            }
        }
    }
}
