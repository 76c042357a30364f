package owsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TaskProgressTest {
    @Test void printsAPlainLineEveryTenSeconds() {
        AtomicLong now = new AtomicLong();
        StringWriter out = new StringWriter();
        TaskProgress p = new TaskProgress(8, 1000, new PrintWriter(out), now::get);
        for (int t = 1; t <= 8; t++) {
            now.addAndGet(3_000_000_000L); // a task every 3 s
            p.taskDone();
        }
        p.taskDone(); // the experiment table's task: not a run
        String[] lines = out.toString().split(System.lineSeparator());
        // at 12 s (4 tasks) and 24 s (8 tasks), 10 s or more apart
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("runs  50%  4/8 tasks (about 500 of 1,000 runs)  42 runs/s  ETA 0:12");
        assertThat(lines[1]).startsWith("runs 100%  8/8 tasks").endsWith("done in 0:24");
        assertThat(out.toString()).doesNotContain("\r");
    }
}
