package io.amcfacade.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpRetryException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import io.amcfacade.api.model.EventFormat;
import io.amcfacade.api.model.EventSigning;
import io.amcfacade.audit.integrity.SealSigner;
import io.amcfacade.webhooks.StandardWebhooks;

/**
 * One attempt of one delivery: the body as stored, signed per Standard Webhooks at the attempt's time, over HTTP/1.1
 * with the configured connect and request timeouts, no proxy, and redirects never followed (a 3xx is a failed
 * attempt). The endpoint's addresses are checked again before each attempt.
 * <p>
 * The request is made on the calling thread ({@link HttpURLConnection}, blocking; its connection kept alive and
 * reused for the next event to the same receiver once the answer was read to its end). The JDK's
 * {@code java.net.http.HttpClient} hands each request between the caller, its executor and its selector thread;
 * on a busy host each hand-over waits for a core, and {@code bench/event-lag} measured the deliverer spending 85 % of
 * its time waiting there, at 30-60 events a second while the facade served 200 writes a second. A watchdog ends an
 * attempt still running after {@code amc.events.request-timeout}, the answer included.
 */
@ApplicationScoped
class EventSender {

    /** What the receiver answered: its status (0 when it could not be reached), why it failed, and how long it took. */
    record Attempt(int status, String error, long latencyMs) {

        boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    /** The most of an answer's body read (and discarded) so its connection can be reused; a longer one is dropped. */
    private static final int DRAINED = 64 * 1024;
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "events-request-timeout");
        thread.setDaemon(true);
        return thread;
    });

    private final EventsConfig config;
    private final SealSigner signer;
    private final EventsConfig.PrivateEndpoints allowed;

    EventSender(EventsConfig config, SealSigner signer, PrivateEndpointPolicy policy) {
        this.config = config;
        this.signer = signer;
        this.allowed = policy.allowed();
    }

    Attempt send(Subscription subscription, Delivery delivery, String secret, String splunkToken) {
        long started = System.nanoTime();
        URI endpoint;
        try {
            endpoint = EndpointCheck.check(subscription.endpoint(), allowed, EndpointCheck.DNS);
        } catch (IllegalArgumentException refused) {
            return new Attempt(0, "endpoint " + refused.getMessage(), 0);
        }
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String content = StandardWebhooks.content(delivery.webhookId(), timestamp, delivery.body());
        String signature = subscription.signing() == EventSigning.HMAC
                ? StandardWebhooks.hmac(StandardWebhooks.key(secret), content)
                : StandardWebhooks.ed25519(HexFormat.of().parseHex(signer.sign(content)));
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        HttpURLConnection connection = null;
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> watchdog = null;
        try {
            connection = (HttpURLConnection) endpoint.toURL().openConnection(Proxy.NO_PROXY);
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setConnectTimeout((int) Math.max(1, config.connectTimeout().toMillis()));
            connection.setReadTimeout((int) Math.max(1, config.requestTimeout().toMillis()));
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            connection.setRequestProperty("Content-Type", EventBodies.contentType(subscription.format(), delivery.batched()));
            connection.setRequestProperty("User-Agent", "amc-admin-facade-events/1");
            connection.setRequestProperty("webhook-id", delivery.webhookId());
            connection.setRequestProperty("webhook-timestamp", timestamp);
            connection.setRequestProperty("webhook-signature", signature);
            if (subscription.format() == EventFormat.SPLUNK_HEC && splunkToken != null) {
                connection.setRequestProperty("Authorization", "Splunk " + splunkToken);
            }
            HttpURLConnection attempt = connection;
            watchdog = WATCHDOG.schedule(() -> {
                timedOut.set(true);
                attempt.disconnect();
            }, config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            drain(connection, status);
            long latency = (System.nanoTime() - started) / 1_000_000;
            return new Attempt(status, status >= 200 && status < 300 ? null : "the receiver answered " + status, latency);
        } catch (HttpRetryException e) { // a 401 asking for credentials: in streaming mode it is not read as an answer
            return new Attempt(e.responseCode(), "the receiver answered " + e.responseCode(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (SocketTimeoutException e) {
            return new Attempt(0, e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).startsWith("connect")
                    ? "could not reach the receiver: no connection within " + config.connectTimeout()
                    : "no answer within " + config.requestTimeout(), (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            if (timedOut.get()) {
                return new Attempt(0, "no answer within " + config.requestTimeout(), (System.nanoTime() - started) / 1_000_000);
            }
            if (connection != null) {
                connection.disconnect();
            }
            return new Attempt(0, "could not reach the receiver: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), (System.nanoTime() - started) / 1_000_000);
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
        }
    }

    /** Reads the answer's body to its end (a short one), so the connection goes back to the keep-alive cache. */
    private static void drain(HttpURLConnection connection, int status) throws IOException {
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (in == null) {
            return;
        }
        try (in) {
            byte[] buffer = new byte[8192];
            int read = 0;
            for (int n; (n = in.read(buffer)) >= 0;) {
                read += n;
                if (read > DRAINED) {
                    connection.disconnect(); // not worth reading: this connection is not reused
                    return;
                }
            }
        }
    }
}
