package org.hoso.cli.internal;

import java.util.Locale;

import org.hoso.core.api.Localization;
import org.hoso.core.api.PlatformService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo shell commands {@code hoso:version} and {@code hoso:plugins [--json]}: the same reports as the command
 * line, from the same services.
 */
@Component(service = ShellCommands.class, property = { "osgi.command.scope=hoso",
        "osgi.command.function=version", "osgi.command.function=plugins" })
public final class ShellCommands {

    private final PlatformService platform;
    private final Reports reports;

    @Activate
    public ShellCommands(BundleContext context, @Reference PlatformService platform) {
        this.platform = platform;
        Locale locale = Localization.resolve(context.getProperty(Localization.LOCALE_PROPERTY));
        this.reports = new Reports(locale);
    }

    public String version() {
        return reports.version(platform.platform());
    }

    public String plugins() {
        return String.join(System.lineSeparator(), reports.plugins(platform));
    }

    public String plugins(String option) {
        if ("--json".equals(option)) {
            return Json.write(reports.pluginsJson(platform));
        }
        return reports.text("shell.unknownOption", option);
    }
}
