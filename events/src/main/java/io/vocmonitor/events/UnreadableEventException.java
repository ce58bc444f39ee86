package io.vocmonitor.events;

/** A record that is not a well-formed event of the contract; readers send it to the dead-letter topic. */
public class UnreadableEventException extends Exception {

    private final String reason;

    public UnreadableEventException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public UnreadableEventException(String reason, String message) {
        this(reason, message, null);
    }

    /** A short machine-readable cause: {@code not-json}, {@code unknown-type}, {@code unsupported-schema-version}, {@code invalid}. */
    public String reason() {
        return reason;
    }
}
