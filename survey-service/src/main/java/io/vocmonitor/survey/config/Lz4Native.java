package io.vocmonitor.survey.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import net.jpountz.lz4.LZ4Factory;
import org.jboss.logging.Logger;

/**
 * Loads lz4's native library at startup. Kafka's lz4 codec takes {@code LZ4Factory.fastestInstance()}, which
 * tries the native library only when lz4 was loaded by the system class loader (never in a Quarkus application)
 * and otherwise compresses in pure Java, several times slower. Once the library is loaded, every later codec
 * uses it.
 */
@ApplicationScoped
public class Lz4Native {

    private static final Logger LOG = Logger.getLogger(Lz4Native.class);

    void load(@Observes @Priority(1) StartupEvent event) {
        try {
            LZ4Factory.nativeInstance();
        } catch (Throwable unavailable) {
            LOG.infof("lz4 compresses in Java: its native library is not available here (%s)", unavailable.toString());
        }
        LOG.debugf("lz4: %s", LZ4Factory.fastestInstance());
    }
}
