package io.vocmonitor.system;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Starts one {@link Platform} for the whole run and sets it, with an {@link Api} on it, into the {@code Platform}
 * and {@code Api} fields of every {@link SystemTest} instance.
 */
public class PlatformExtension implements TestInstancePostProcessor {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PlatformExtension.class);

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
        // the root store: started for the first test class, closed by JUnit once the last one is done
        Started started = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Started.class, key -> Started.attempt(), Started.class).orThrow();
        List<Field> fields = ReflectionSupport.findFields(testInstance.getClass(),
                field -> !Modifier.isStatic(field.getModifiers())
                        && (field.getType() == Platform.class || field.getType() == Api.class),
                HierarchyTraversalMode.TOP_DOWN);
        for (Field field : fields) {
            field.setAccessible(true);
            field.set(testInstance, field.getType() == Platform.class ? started.platform() : started.api());
        }
    }

    /**
     * The run's one attempt to start the platform. A failure is kept and thrown to every class rather than left
     * out of the store, which would start the whole platform again (minutes) for each class.
     */
    private record Started(Platform platform, Api api, Throwable failure) implements AutoCloseable {

        static Started attempt() {
            try {
                Platform platform = Platform.start();
                return new Started(platform, new Api(platform), null);
            } catch (Exception e) {
                return new Started(null, null, new IllegalStateException("the platform did not start", e));
            } catch (AssertionError e) {
                // a service that exited or never got ready: its own message names the log to read
                return new Started(null, null, e);
            }
        }

        Started orThrow() {
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure != null) {
                throw (RuntimeException) failure;
            }
            return this;
        }

        @Override
        public void close() {
            if (platform != null) {
                platform.close();
            }
        }
    }
}
