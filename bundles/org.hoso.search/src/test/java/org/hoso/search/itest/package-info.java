/** In-framework tests of search, run on Equinox and on Felix by bnd-testing. */
@Requirement(namespace = ServiceNamespace.SERVICE_NAMESPACE,
        filter = "(" + ServiceNamespace.CAPABILITY_OBJECTCLASS_ATTRIBUTE + "=org.hoso.core.api.SearchService)")
@Requirement(namespace = ServiceNamespace.SERVICE_NAMESPACE,
        filter = "(" + ServiceNamespace.CAPABILITY_OBJECTCLASS_ATTRIBUTE + "=org.hoso.core.api.SampleGenerator)")
package org.hoso.search.itest;

import org.osgi.annotation.bundle.Requirement;
import org.osgi.namespace.service.ServiceNamespace;
