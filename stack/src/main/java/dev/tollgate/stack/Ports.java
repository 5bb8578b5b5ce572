package dev.tollgate.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Free TCP ports on 127.0.0.1, for servers started by tests next to a running local stack. */
public final class Ports {

  private Ports() {
  }

  public static int free() {
    return free(1)[0];
  }

  /** Distinct free ports: all sockets are held open together, so no port is handed out twice. */
  public static int[] free(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        socket.setReuseAddress(true);
        sockets.add(socket);
      }
      return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    } finally {
      sockets.forEach(Ports::closeQuietly);
    }
  }

  static void requireValid(String field, int port) {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException(field + ": not a TCP port: " + port);
    }
  }

  private static void closeQuietly(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // the port is released either way once the socket object is gone
    }
  }
}
