package io.vocmonitor.system;

/** The Kafka a {@link Platform} runs on: one broker, or a cluster of them. */
interface Brokers extends AutoCloseable {

    /** What the services bootstrap from. */
    String bootstrapServers();

    /** Every broker stops cleanly; {@link #startBroker} brings them back on the same ports and data. */
    void stop() throws InterruptedException;

    void startBroker() throws Exception;

    @Override
    void close() throws InterruptedException;
}
