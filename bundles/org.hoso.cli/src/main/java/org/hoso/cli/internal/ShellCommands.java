package org.hoso.cli.internal;

import java.util.Locale;

import org.hoso.core.api.Localization;
import org.hoso.core.api.PlatformService;
import org.hoso.core.api.SearchService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Gogo shell commands {@code hoso:version}, {@code hoso:plugins [--json]} and {@code hoso:search WORD...}: the same
 * reports as the command line, from the same services.
 */
@Component(service = ShellCommands.class, property = { "osgi.command.scope=hoso",
        "osgi.command.function=version", "osgi.command.function=plugins", "osgi.command.function=search" })
public final class ShellCommands {

    private final PlatformService platform;
    private final Reports reports;

    /** Search, when org.hoso.search runs: the shell works without it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile SearchService search;

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

    /** {@code hoso:search WORD...}: the same query language and output as {@code hoso search}. */
    public String search(String... words) {
        SearchService s = search;
        if (s == null) {
            return reports.text("search.noService");
        }
        String text = String.join(" ", words).strip();
        if (text.isEmpty()) {
            return reports.text("search.noQuery");
        }
        try {
            return String.join(System.lineSeparator(), SearchCommand.lines(reports, s.search(SearchService.Query.of(
                    text)), text));
        } catch (IllegalArgumentException e) {
            return reports.text("search.badQuery", e.getMessage());
        }
    }

    public String plugins(String option) {
        if ("--json".equals(option)) {
            return Json.write(reports.pluginsJson(platform));
        }
        return reports.text("shell.unknownOption", option);
    }
}
