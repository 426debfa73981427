package io.amcfacade.events;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

import io.amcfacade.api.model.EventFormat;
import io.amcfacade.api.model.EventSigning;
import io.amcfacade.audit.integrity.SealSigner;
import io.amcfacade.webhooks.StandardWebhooks;

/**
 * One attempt of one delivery: the body as stored, signed per Standard Webhooks at the attempt's time, over the JDK
 * HTTP client with the configured connect and request timeouts and redirects never followed (a 3xx is a failed
 * attempt). The endpoint's addresses are checked again before each attempt.
 */
@ApplicationScoped
class EventSender {

    /** What the receiver answered: its status (0 when it could not be reached), why it failed, and how long it took. */
    record Attempt(int status, String error, long latencyMs) {

        boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient client;
    private final EventsConfig config;
    private final SealSigner signer;
    private final EventsConfig.PrivateEndpoints allowed;

    EventSender(EventsConfig config, SealSigner signer, PrivateEndpointPolicy policy) {
        this.config = config;
        this.signer = signer;
        this.allowed = policy.allowed();
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(config.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
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
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(config.requestTimeout())
                .header("Content-Type", subscription.format() == EventFormat.CLOUDEVENTS ? "application/cloudevents+json"
                        : "application/json")
                .header("User-Agent", "amc-admin-facade-events/1")
                .header("webhook-id", delivery.webhookId())
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body()));
        if (subscription.format() == EventFormat.SPLUNK_HEC && splunkToken != null) {
            request.header("Authorization", "Splunk " + splunkToken);
        }
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            long latency = (System.nanoTime() - started) / 1_000_000;
            int status = response.statusCode();
            return new Attempt(status, status >= 200 && status < 300 ? null : "the receiver answered " + status, latency);
        } catch (HttpTimeoutException e) {
            return new Attempt(0, "no answer within " + config.requestTimeout(), (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            return new Attempt(0, "could not reach the receiver: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), (System.nanoTime() - started) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(0, "interrupted", (System.nanoTime() - started) / 1_000_000);
        }
    }
}
