package org.hoso.cli.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hoso.core.api.AuditLog;
import org.hoso.core.api.FixityReport;
import org.hoso.core.api.ObjectStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hoso verify}: re-hashes every stored object and walks the audit chain. Exit 0 only when both are intact:
 * the check to run on a workspace copy before and after a handover.
 */
@Command(name = "verify")
final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    HosoCommand hoso;

    @Option(names = "--json", descriptionKey = "option.json")
    boolean json;

    @Override
    public Integer call() throws InterruptedException, IOException {
        Reports r = hoso.reports;
        ObjectStore objects = hoso.services().get(ObjectStore.class);
        AuditLog audit = hoso.services().get(AuditLog.class);
        if (objects == null || audit == null) {
            hoso.err().println(r.text("verify.noStore"));
            return 1;
        }
        FixityReport fixity = objects.verify();
        AuditLog.Verification chain = audit.verify();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("intact", fixity.intact() && chain.intact());
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("objects", fixity.objects());
            o.put("bytes", fixity.bytes());
            List<Object> problems = new ArrayList<>();
            for (FixityReport.Problem p : fixity.problems()) {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("file", p.file());
                pm.put("id", p.id().map(Object::toString));
                pm.put("kind", p.kind().name());
                pm.put("detail", p.detail());
                problems.add(pm);
            }
            o.put("problems", problems);
            m.put("objects", o);
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("intact", chain.intact());
            a.put("checked", chain.checked());
            a.put("firstBad", chain.firstBad());
            a.put("problem", chain.problem());
            m.put("audit", a);
            hoso.out().println(Json.write(m));
        } else {
            hoso.out().println(r.text("verify.objects", fixity.objects(), fixity.bytes() / (1024.0 * 1024.0),
                    fixity.problems().size()));
            for (FixityReport.Problem p : fixity.problems()) {
                hoso.out().println("  " + r.text("fixity." + p.kind()) + ": " + p.file() + " — " + p.detail());
            }
            hoso.out().println(chain.intact() ? r.text("audit.intact", chain.checked())
                    : r.text("audit.broken", chain.firstBad().orElseThrow(), chain.problem()));
        }
        return fixity.intact() && chain.intact() ? 0 : 1;
    }
}
