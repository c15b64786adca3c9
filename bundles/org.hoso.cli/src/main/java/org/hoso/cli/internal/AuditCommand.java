package org.hoso.cli.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hoso.core.api.AuditEvent;
import org.hoso.core.api.AuditLog;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code hoso audit verify|log}: the catalogue's audit chain. */
@Command(name = "audit", subcommands = { AuditCommand.Verify.class, AuditCommand.Log.class })
final class AuditCommand implements Callable<Integer> {

    /** Times are shown in Vietnam's time zone, as in the packages (+07:00). */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    @ParentCommand
    HosoCommand hoso;

    @Override
    public Integer call() {
        hoso.spec.commandLine().getSubcommands().get("audit").usage(hoso.out());
        return 2;
    }

    /** Runs {@code body} with the audit log of the workspace, or says why there is none. */
    int withLog(java.util.function.ToIntFunction<AuditLog> body) throws InterruptedException {
        AuditLog log = hoso.services().get(AuditLog.class);
        if (log == null) {
            hoso.err().println(hoso.reports.text("audit.noStore"));
            return 1;
        }
        return body.applyAsInt(log);
    }

    @Command(name = "verify")
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        AuditCommand audit;

        @Option(names = "--json", descriptionKey = "option.json")
        boolean json;

        @Override
        public Integer call() throws InterruptedException {
            return audit.withLog(log -> {
                AuditLog.Verification v = log.verify();
                Reports r = audit.hoso.reports;
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("intact", v.intact());
                    m.put("checked", v.checked());
                    m.put("firstBad", v.firstBad());
                    m.put("problem", v.problem());
                    audit.hoso.out().println(Json.write(m));
                } else if (v.intact()) {
                    audit.hoso.out().println(r.text("audit.intact", v.checked()));
                } else {
                    audit.hoso.out().println(r.text("audit.broken", v.firstBad().orElseThrow(), v.problem()));
                }
                return v.intact() ? 0 : 1;
            });
        }
    }

    @Command(name = "log")
    static final class Log implements Callable<Integer> {
        @ParentCommand
        AuditCommand audit;

        @Option(names = "--json", descriptionKey = "option.json")
        boolean json;

        @Option(names = "--from", paramLabel = "N", defaultValue = "1", descriptionKey = "option.from")
        long from;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "100", descriptionKey = "option.limit")
        int limit;

        @Override
        public Integer call() throws InterruptedException {
            return audit.withLog(log -> {
                List<AuditEvent> events = log.events(from, limit);
                if (json) {
                    List<Object> list = new ArrayList<>();
                    for (AuditEvent e : events) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("seq", e.seq());
                        m.put("at", e.at().atZone(VIETNAM).toOffsetDateTime().toString());
                        m.put("actor", e.actor());
                        m.put("action", e.action());
                        m.put("entityType", e.entityType());
                        m.put("entityId", e.entityId());
                        m.put("before", e.before());
                        m.put("after", e.after());
                        m.put("previousHash", e.previousHash());
                        m.put("hash", e.hash());
                        list.add(m);
                    }
                    audit.hoso.out().println(Json.write(list));
                } else if (events.isEmpty()) {
                    audit.hoso.out().println(audit.hoso.reports.text("audit.empty"));
                } else {
                    for (AuditEvent e : events) {
                        audit.hoso.out().println(String.format("%6d  %s  %-12s %-16s %s %s", e.seq(),
                                SHOWN.format(e.at().atZone(VIETNAM)), e.actor(), e.action(), e.entityType(),
                                e.entityId()));
                    }
                }
                return 0;
            });
        }
    }
}
