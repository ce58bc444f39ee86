package io.vocmonitor.events;

/** The channel through which the customer was served; one of the bucket dimensions (SPEC §3, §4). */
public enum Channel {
    PHONE, EMAIL, CHAT, WEB, STORE, SOCIAL, OTHER
}
