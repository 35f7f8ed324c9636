package dev.tollgate.bootstrap.legacy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/** Captures what the service logs under {@code dev.tollgate} while a piece of test code runs (same JVM in tests). */
final class LogCapture {

    record Line(String message, String requestId) {
    }

    private LogCapture() {
    }

    static List<Line> during(Runnable work) {
        List<Line> lines = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext) {
                    lines.add(new Line(ext.getFormattedMessage(), ext.getMdc("request_id")));
                } else {
                    lines.add(new Line(String.valueOf(record.getMessage()), null));
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
        Logger logger = Logger.getLogger("dev.tollgate");
        logger.addHandler(handler);
        try {
            work.run();
        } finally {
            logger.removeHandler(handler);
        }
        return lines;
    }
}
