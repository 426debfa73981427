package io.amcfacade.instances;

/** What a long-running operation does at AMC; stored by name. */
enum OperationKind {
    INSTANCE_CREATE, INSTANCE_DELETE, ADVERTISER_UPDATE
}
