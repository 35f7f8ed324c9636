package dev.tollgate.bootstrap.observability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/** What the service logs in every category while test code runs (same JVM), with each record's request id. */
final class LogRecords {

    record Line(String category, String message, String requestId) {
    }

    private LogRecords() {
    }

    static List<Line> during(Runnable work) {
        return during(lines -> work.run());
    }

    /** As {@link #during(Runnable)}, the work seeing the lines captured so far (to wait for one). */
    static List<Line> during(Consumer<List<Line>> work) {
        List<Line> lines = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext) {
                    lines.add(new Line(ext.getLoggerName(), ext.getFormattedMessage(), ext.getMdc("request_id")));
                } else {
                    lines.add(new Line(record.getLoggerName(), String.valueOf(record.getMessage()), null));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        try {
            work.accept(lines);
        } finally {
            root.removeHandler(handler);
        }
        return lines;
    }
}
