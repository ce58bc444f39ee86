package io.vocmonitor.system;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands every system test the same running {@link Platform}: started for the first test class that asks,
 * closed by JUnit when the last one is done (it lives in the root context's store).
 */
public class SharedPlatform implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Platform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Platform.class, key -> {
                    try {
                        return Platform.start();
                    } catch (Exception e) {
                        throw new IllegalStateException("the platform did not start", e);
                    }
                }, Platform.class);
    }
}
