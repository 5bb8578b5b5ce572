package dev.tollgate.ingest.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SseChunksTest {

  @Test
  void shouldJoinTheDataLinesOfEachEventAndSkipNamesCommentsAndDone() {
    // given CRLF line ends, a comment, a two-line data field, a data field without a space and [DONE]
    String sse = ": keep-alive\r\n"
        + "event: message_start\r\n"
        + "data: {\"a\":\r\n"
        + "data: 1}\r\n"
        + "\r\n"
        + "data:{\"b\":2}\n"
        + "\n"
        + "\n"
        + "data: [DONE]\n"
        + "\n"
        + "data: {\"c\":3}";

    // when
    var chunks = SseChunks.split(sse);

    // then the last event counts though no blank line ends it
    assertThat(chunks).containsExactly("{\"a\":\n1}", "{\"b\":2}", "{\"c\":3}");
  }
}
