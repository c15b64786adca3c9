/** In-framework tests of the platform and the object store, run on Equinox and on Felix by bnd-testing. */
@Requirement(namespace = ServiceNamespace.SERVICE_NAMESPACE,
        filter = "(" + ServiceNamespace.CAPABILITY_OBJECTCLASS_ATTRIBUTE + "=org.hoso.core.api.PlatformService)")
@Requirement(namespace = ServiceNamespace.SERVICE_NAMESPACE,
        filter = "(" + ServiceNamespace.CAPABILITY_OBJECTCLASS_ATTRIBUTE + "=org.hoso.core.api.ObjectStore)")
package org.hoso.core.itest;

import org.osgi.annotation.bundle.Requirement;
import org.osgi.namespace.service.ServiceNamespace;
