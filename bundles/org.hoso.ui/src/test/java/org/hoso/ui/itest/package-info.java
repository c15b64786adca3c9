/** In-framework UI tests of the workbench, run on Equinox and on Felix by bnd-testing, under Xvfb. */
@Requirement(namespace = ServiceNamespace.SERVICE_NAMESPACE,
        filter = "(" + ServiceNamespace.CAPABILITY_OBJECTCLASS_ATTRIBUTE + "=org.hoso.ui.api.Workbench)")
package org.hoso.ui.itest;

import org.osgi.annotation.bundle.Requirement;
import org.osgi.namespace.service.ServiceNamespace;
