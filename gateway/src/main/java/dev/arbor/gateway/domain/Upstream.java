package dev.arbor.gateway.domain;

/** The services the gateway forwards to. */
public enum Upstream {
    FEDERATION,
    AUTHTREE,
    TOKEN,
    SCRIPT_RUNNER,
    UI_SERVER
}
