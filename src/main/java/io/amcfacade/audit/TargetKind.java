package io.amcfacade.audit;

/** What an audit target's id names; stored in the trail, so a constant is never renamed. */
public enum TargetKind {
    /** An invitee's or user's email address, stored in lower case. */
    EMAIL,
    INVITATION,
    USER,
    INSTANCE,
    EVENT,
    /** An event subscription ({@code /v1/event-subscriptions/{subscriptionId}}). */
    EVENT_SUBSCRIPTION,
    /** An Amazon Ads manager account ({@code /v1/manager-accounts/{managerAccountId}}). */
    MANAGER_ACCOUNT,
    /** An account (an AMC account, or any Amazon Ads account) linked to or unlinked from a manager account. */
    ACCOUNT
}
