/**
 * The rich client's contracts: {@link org.hoso.ui.api.WorkbenchView}, implemented by any bundle that adds a view
 * to the workbench window, and {@link org.hoso.ui.api.Workbench}, the window itself.
 */
@Export
@Version("0.1.0")
package org.hoso.ui.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
