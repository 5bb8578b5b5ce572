package dev.tollgate.analytics.clickhouse.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/** One POST to ClickHouse and its answer; how the bytes travel is the implementation's business. */
public interface HttpTransport {

  Answer post(URI uri, String authorization, byte[] body, int length, Duration timeout) throws IOException, InterruptedException;

  record Answer(int status, String body) {}
}
