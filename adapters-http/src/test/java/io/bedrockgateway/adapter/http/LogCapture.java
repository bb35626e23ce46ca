package io.bedrockgateway.adapter.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Keeps what is logged at ERROR, by any logger, while it is open. */
final class LogCapture implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  LogCapture() {
    appender.start();
    root.addAppender(appender);
  }

  /** ERROR events so far, each as its logger, message and thrown class. */
  List<String> errors() {
    synchronized (appender) { // the lock AppenderBase appends under
      return appender.list.stream()
          .filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
          .map(
              event ->
                  event.getLoggerName()
                      + ": "
                      + event.getFormattedMessage()
                      + (event.getThrowableProxy() == null
                          ? ""
                          : " (" + event.getThrowableProxy().getClassName() + ")"))
          .toList();
    }
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }
}
