package org.hoso.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.hoso.core.api.Job;
import org.hoso.core.api.JobProgress;
import org.hoso.core.api.JobState;
import org.hoso.core.api.Localization;
import org.hoso.core.api.TaskFailure;
import org.junit.jupiter.api.Test;

class JobsCommandTest {

    private static final Job RUNNING = new Job(3, "Số hóa hộp 12, phông H49", "lan",
            Instant.parse("2026-11-22T03:00:00Z"), JobState.RUNNING, Optional.empty());
    private static final JobProgress HALF = new JobProgress(3, JobState.RUNNING, 200, 120, 2, 0, 2, 76, 10,
            List.of("ocr.page"), 34.5, Optional.empty());
    private static final JobProgress STEADY = new JobProgress(3, JobState.RUNNING, 200, 120, 2, 0, 2, 76, 0,
            List.of(), 34.5, Optional.of(Duration.ofSeconds(133)));
    private static final List<TaskFailure> FAILURES = List.of(
            new TaskFailure(7, "ocr.page", "p007", "trang p007 trắng: không có gì để nhận dạng"));

    @Test
    void listShowsEachJobInVietnameseTime() {
        List<String> lines = JobsCommand.list(new Reports(Localization.VIETNAMESE), List.of(RUNNING), List.of(HALF));
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).matches(" +3  đang chạy +120/200 +2  22/11/2026 10:00:00  lan +Số hóa hộp 12, phông H49"),
                lines.get(1));
        assertEquals(List.of("No jobs yet."), JobsCommand.list(new Reports(Locale.ENGLISH), List.of(), List.of()));
    }

    @Test
    void showSaysWhatTheJobWaitsForAndWhyTasksFailed() {
        String vi = String.join("\n", JobsCommand.show(new Reports(Localization.VIETNAMESE), RUNNING, HALF, FAILURES));
        assertTrue(vi.contains("Công việc 3: Số hóa hộp 12, phông H49"), vi);
        assertTrue(vi.contains("Tác vụ: 200 — xong 120, lỗi 2, đã hủy 0, đang chạy 2, chờ 76"), vi);
        assertTrue(vi.contains("10 tác vụ chờ plugin cho loại: ocr.page"), vi);
        assertTrue(vi.contains("p007  trang p007 trắng: không có gì để nhận dạng"), vi);
        String en = String.join("\n", JobsCommand.show(new Reports(Locale.ENGLISH), RUNNING, STEADY, List.of()));
        assertTrue(en.contains("State: running"), en);
        assertTrue(en.matches("(?s).*Speed: 34.5 tasks/min; about 0:02:13 left.*"), en);
        assertTrue(!en.contains("Failed tasks"), en);
    }

    @Test
    void jsonHasStableEnglishKeys() {
        String json = Json.write(JobsCommand.jobJson(RUNNING, STEADY));
        assertEquals("{\"id\":3,\"title\":\"Số hóa hộp 12, phông H49\",\"actor\":\"lan\",\"submitted\":"
                + "\"2026-11-22T03:00:00Z\",\"state\":\"RUNNING\",\"ended\":null,\"total\":200,\"done\":120,\"failed\":2,"
                + "\"cancelled\":0,\"running\":2,\"pending\":76,\"waiting\":0,\"missingKinds\":[],\"tasksPerMinute\":34.5,"
                + "\"remainingSeconds\":133}", json);
    }

    @Test
    void helpListsTheJobCommands() {
        StringWriter out = new StringWriter();
        HosoMain.commandLine(null, null, Localization.VIETNAMESE, new PrintWriter(out), new PrintWriter(out))
                .execute("jobs", "--help");
        assertTrue(out.toString().contains("Hủy một công việc"), out.toString());
    }
}
