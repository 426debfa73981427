package io.amcfacade.access.reconcile;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/** This replica's name in the pass log: its host and a random suffix, since two may share a host. */
@ApplicationScoped
public class ReconcileReplica {

    private final String id;

    public ReconcileReplica() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        this.id = host + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String id() {
        return id;
    }
}
