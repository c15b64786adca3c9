import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Adds up the JUnit XML reports of a build: Surefire (unit), bnd-testing (in-framework, per bndrun) and Failsafe
 * (product) and prints "N passed, N failed, N skipped". Exit code 1 when a test failed or none ran.
 * Run as: java scripts/TestSummary.java DIR
 */
public class TestSummary {

    private static final Pattern SUITE = Pattern.compile("<testsuite\\b([^>]*)>");

    public static void main(String[] args) throws IOException {
        Path root = Paths.get(args.length > 0 ? args[0] : ".");
        long tests = 0, failed = 0, skipped = 0;
        List<Path> reports;
        try (Stream<Path> s = Files.walk(root)) {
            reports = s.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml"))
                    .filter(p -> p.toString().matches(".*/target/(surefire-reports[^/]*|failsafe-reports|test-reports/[^/]+)/[^/]+"))
                    .sorted().toList();
        }
        for (Path report : reports) {
            Matcher m = SUITE.matcher(Files.readString(report));
            if (!m.find()) {
                failed++;
                System.err.println("unreadable test report (counted as a failure): " + report);
                continue;
            }
            String attrs = m.group(1);
            long t = attr(attrs, "tests"), f = attr(attrs, "failures") + attr(attrs, "errors"), sk = attr(attrs, "skipped");
            tests += t;
            failed += f;
            skipped += sk;
            if (f > 0) {
                System.err.println("failures in " + root.relativize(report));
            }
        }
        long passed = tests - failed - skipped;
        System.out.println(passed + " passed, " + failed + " failed, " + skipped + " skipped");
        System.exit(failed > 0 || tests == 0 ? 1 : 0);
    }

    private static long attr(String attrs, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"(\\d+)\"").matcher(attrs);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
