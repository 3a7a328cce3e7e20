package io.github.rembed.internal.sql;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rembed.Progress;
import io.github.rembed.internal.jobs.Job;
import java.time.Duration;

/**
 * {@code rembed_jobs()}: the bulk calls ({@code rembed_batch}, {@code rembed_images_concurrent})
 * running right now on any connection of this connection's runtime, as a JSON array, oldest first. Each
 * object has {@code id}, {@code function}, {@code client}, {@code connection} (a number per
 * connection), {@code database}, {@code started} (UTC), {@code elapsed_ms}, {@code total},
 * {@code done}, {@code failed}, {@code skipped}, {@code retries}, {@code rate} (items per
 * second) and {@code eta_ms} (null until known).
 */
final class JobsFunction extends SqlFunction {
    private final ConnectionState state;

    JobsFunction(ConnectionState state) {
        super("rembed_jobs");
        this.state = state;
    }

    @Override
    void call() throws Exception {
        requireArgs(0, "rembed_jobs()");
        ArrayNode out = JsonArrays.JSON.createArrayNode();
        for (Job job : state.engine().jobs().running()) {
            Progress p = job.progress();
            ObjectNode o = out.addObject()
                    .put("id", job.id())
                    .put("function", job.function())
                    .put("client", job.client())
                    .put("connection", job.connection())
                    .put("database", job.database())
                    .put("started", job.started().toString())
                    .put("elapsed_ms", p.elapsed().toMillis())
                    .put("total", p.total() == Progress.UNKNOWN ? null : p.total())
                    .put("done", p.done())
                    .put("failed", p.failed())
                    .put("skipped", p.skipped())
                    .put("retries", p.retries())
                    .put("rate", Math.round(p.rate() * 100) / 100.0);
            Duration eta = p.eta();
            if (eta == null) {
                o.putNull("eta_ms");
            } else {
                o.put("eta_ms", eta.toMillis());
            }
        }
        result(out.toString());
    }
}
