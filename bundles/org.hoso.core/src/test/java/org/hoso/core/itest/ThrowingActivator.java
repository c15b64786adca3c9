package org.hoso.core.itest;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The activator of a deliberately broken plugin that the tests build on the fly: it refuses to start. It
 * references nothing but the OSGi framework API, so its bytes can be copied into a jar of their own.
 */
public final class ThrowingActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        throw new IllegalStateException("boom: the example refuses to start");
    }

    @Override
    public void stop(BundleContext context) {
    }
}
