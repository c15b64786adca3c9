package org.hoso.ui.internal;

import java.util.Locale;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.hoso.core.api.PlatformService;
import org.hoso.ui.api.WorkbenchView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The built-in "Plugins" view: every plugin file and bundle, what it contributes and what is wrong with it. */
@Component
@WorkbenchView.Kind(id = PluginsView.ID, order = 10)
public final class PluginsView implements WorkbenchView {

    static final String ID = "hoso.plugins";

    private final PlatformService platform;

    @Activate
    public PluginsView(@Reference(name = "platform") PlatformService platform) {
        this.platform = platform;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title(Locale locale) {
        return new Texts(locale).get("plugins.title");
    }

    @Override
    public Control createControl(Composite parent, Locale locale) {
        return new PluginsPanel(parent, new Texts(locale), platform).control();
    }
}
