package org.hoso.cli.internal;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The console of {@code hoso shell}: reads lines typed (or piped) in UTF-8 and runs them in a Gogo session. Gogo's own
 * console (org.apache.felix.gogo.shell 1.1) turns each byte read into a character, so every Vietnamese letter typed
 * there arrived as two or three Latin-1 ones ({@code hoso:search "hồ sơ"} found nothing). Gogo's shell bundle still
 * runs, without a console of its own ({@code gosh.args=--nointeractive}), for its built-in commands. Active only when
 * the launcher sets {@value #PROPERTY} (only {@code hoso shell} does); the end of the input stops the framework, as
 * {@code stop 0} does.
 */
@Component(immediate = true)
public final class ShellConsole {

    /** Framework property the launcher sets for {@code hoso shell}. */
    static final String PROPERTY = "hoso.console";
    static final String PROMPT = "g! ";
    /** Gogo's built-ins (echo, each, gosh...) come with this bundle: the first line waits for it. */
    private static final String GOGO_SHELL = "org.apache.felix.gogo.shell";

    private final Thread thread;

    @Activate
    public ShellConsole(BundleContext context, @Reference CommandProcessor processor,
            @Reference ShellCommands commands) {
        if (!Boolean.parseBoolean(context.getProperty(PROPERTY))) {
            thread = null;
            return;
        }
        thread = new Thread(() -> run(context, processor), "hoso-console");
        thread.setDaemon(true);
        thread.start();
    }

    @Deactivate
    void stop() {
        if (thread != null) {
            thread.interrupt();
        }
    }

    private static void run(BundleContext context, CommandProcessor processor) {
        InputStream keyboard = new FileInputStream(FileDescriptor.in);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        awaitGogoShell(context);
        try (CommandSession session = processor.createSession(keyboard, out, err);
                BufferedReader lines = new BufferedReader(new InputStreamReader(keyboard, StandardCharsets.UTF_8))) {
            repl(session, lines, out, err);
        } catch (IOException e) {
            err.println("hoso shell: " + e.getMessage());
        }
        Bundle framework = context.getBundle(0);
        if (Thread.currentThread().isInterrupted() || framework.getState() != Bundle.ACTIVE) {
            return; // stopping already (`stop 0` was typed), or only this bundle stops
        }
        try {
            framework.stop();
        } catch (BundleException | IllegalStateException e) {
            if (framework.getState() == Bundle.ACTIVE) {
                err.println("hoso shell: " + e.getMessage());
            }
        }
    }

    /** Reads and runs lines until the end of the input; a command's failure is printed, and the next line read. */
    static void repl(CommandSession session, BufferedReader lines, PrintStream out, PrintStream err)
            throws IOException {
        while (!Thread.currentThread().isInterrupted()) {
            out.print(PROMPT);
            out.flush();
            String line = lines.readLine();
            if (line == null) {
                return;
            }
            if (line.isBlank()) {
                continue;
            }
            try {
                Object result = session.execute(line);
                if (result != null) {
                    out.println(session.format(result, Converter.INSPECT));
                }
            } catch (Exception e) {
                err.println("gogo: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    private static void awaitGogoShell(BundleContext context) {
        long until = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < until) {
            for (Bundle b : context.getBundles()) {
                if (GOGO_SHELL.equals(b.getSymbolicName()) && b.getState() == Bundle.ACTIVE) {
                    return;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
