package io.vocmonitor.runtime;

import java.util.concurrent.ThreadFactory;

/** Threads for a service's own background work, which must not keep the JVM alive when the service stops. */
public final class Daemons {

    private Daemons() {
    }

    /** Daemon threads, all named {@code name}. */
    public static ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
