package org.hoso.cli.internal;

import java.util.Locale;

import org.hoso.core.api.Localization;
import org.hoso.core.api.PlatformService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo shell commands: {@code hoso:version} and {@code hoso:plugins [--json]} as reports, and every command of the
 * {@code hoso} command line under its own name ({@code hoso:fonds list}, {@code hoso:digitise DIR --fonds C},
 * {@code hoso:import xlsx F}...), run by the same code over the same services, printing to the shell's console.
 */
@Component(service = ShellCommands.class, property = { "osgi.command.scope=hoso",
        "osgi.command.function=version", "osgi.command.function=plugins", "osgi.command.function=fonds",
        "osgi.command.function=import", "osgi.command.function=inventory", "osgi.command.function=audit",
        "osgi.command.function=verify", "osgi.command.function=jobs", "osgi.command.function=ocr",
        "osgi.command.function=qc", "osgi.command.function=digitise", "osgi.command.function=rescans",
        "osgi.command.function=bench", "osgi.command.function=demo", "osgi.command.function=extract",
        "osgi.command.function=search" })
public final class ShellCommands {

    private final BundleContext context;
    private final PlatformService platform;
    private final Locale locale;
    private final Reports reports;

    @Activate
    public ShellCommands(BundleContext context, @Reference PlatformService platform) {
        this.context = context;
        this.platform = platform;
        this.locale = Localization.resolve(context.getProperty(Localization.LOCALE_PROPERTY));
        this.reports = new Reports(locale);
    }

    /**
     * Runs a command of the command line; its output goes to the shell session's console. Its exit code is not
     * returned (the shell would print it after every command): errors say themselves.
     */
    private int run(String command, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        java.io.PrintWriter out = new java.io.PrintWriter(new java.io.OutputStreamWriter(System.out,
                java.nio.charset.StandardCharsets.UTF_8), true);
        java.io.PrintWriter err = new java.io.PrintWriter(new java.io.OutputStreamWriter(System.err,
                java.nio.charset.StandardCharsets.UTF_8), true);
        int code = HosoMain.execute(context, platform, locale, out, err, all);
        out.flush();
        err.flush();
        return code;
    }

    public void fonds(String... args) {
        run("fonds", args);
    }

    /** {@code import} is a Java keyword: the shell finds {@code _import} for it. */
    public void _import(String... args) {
        run("import", args);
    }

    public void inventory(String... args) {
        run("inventory", args);
    }

    public void audit(String... args) {
        run("audit", args);
    }

    public void verify(String... args) {
        run("verify", args);
    }

    public void jobs(String... args) {
        run("jobs", args);
    }

    public void ocr(String... args) {
        run("ocr", args);
    }

    public void qc(String... args) {
        run("qc", args);
    }

    public void digitise(String... args) {
        run("digitise", args);
    }

    public void rescans(String... args) {
        run("rescans", args);
    }

    public void bench(String... args) {
        run("bench", args);
    }

    public void demo(String... args) {
        run("demo", args);
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

    public void extract(String... args) {
        run("extract", args);
    }

    public void search(String... args) {
        run("search", args);
    }
}
