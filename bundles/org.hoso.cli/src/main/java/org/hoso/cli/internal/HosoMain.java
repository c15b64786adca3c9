package org.hoso.cli.internal;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;

import org.hoso.core.api.Localization;
import org.hoso.core.api.PlatformService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine;

/**
 * The entry point the launcher calls: a {@code Function<String[], Integer>} service (a JDK type, so the launcher
 * needs no Hoso classes) with the property {@value #MAIN_PROPERTY}=true. It parses the command line, runs the
 * command against the platform's services and returns the process exit code.
 */
@Component(service = Function.class, property = HosoMain.MAIN_PROPERTY + "=true")
public final class HosoMain implements Function<String[], Integer> {

    /** Service property that marks the command line entry point. */
    static final String MAIN_PROPERTY = "hoso.launcher.main";

    private final BundleContext context;
    private final PlatformService platform;

    @Activate
    public HosoMain(BundleContext context, @Reference PlatformService platform) {
        this.context = context;
        this.platform = platform;
    }

    @Override
    public Integer apply(String[] args) {
        Locale locale = Localization.resolve(context.getProperty(Localization.LOCALE_PROPERTY));
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return execute(context, platform, locale, out, err, args);
    }

    /**
     * Runs one command to its end, then lets go of the services it used. They are held that long on purpose: a
     * delayed component released in the middle of a command is deactivated (the search index closed under it),
     * and the next command would meet what it left behind.
     */
    static int execute(BundleContext context, PlatformService platform, Locale locale, PrintWriter out,
            PrintWriter err, String... args) {
        CommandLine cmd = commandLine(context, platform, locale, out, err);
        try {
            return cmd.execute(args);
        } finally {
            ((HosoCommand) cmd.getCommand()).release();
        }
    }

    static CommandLine commandLine(BundleContext context, PlatformService platform, Locale locale, PrintWriter out,
            PrintWriter err) {
        CommandLine cmd = new CommandLine(new HosoCommand(context, platform, locale));
        cmd.setResourceBundle(Localization.messages("org.hoso.cli.internal.messages", locale,
                HosoMain.class.getClassLoader()));
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println(new Reports(locale).text("error.unexpected", e.getClass().getSimpleName(),
                    e.getMessage()));
            return 1;
        });
        return cmd;
    }
}
