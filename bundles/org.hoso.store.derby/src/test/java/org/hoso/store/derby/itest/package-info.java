/** In-framework tests of the catalogue store with its embedded Derby, run on Equinox and on Felix by bnd-testing. */
@Requirement(namespace = ServiceNamespace.SERVICE_NAMESPACE,
        filter = "(" + ServiceNamespace.CAPABILITY_OBJECTCLASS_ATTRIBUTE + "=org.hoso.core.api.JobService)")
@Requirement(namespace = ServiceNamespace.SERVICE_NAMESPACE,
        filter = "(" + ServiceNamespace.CAPABILITY_OBJECTCLASS_ATTRIBUTE + "=org.hoso.core.api.AuditLog)")
package org.hoso.store.derby.itest;

import org.osgi.annotation.bundle.Requirement;
import org.osgi.namespace.service.ServiceNamespace;
