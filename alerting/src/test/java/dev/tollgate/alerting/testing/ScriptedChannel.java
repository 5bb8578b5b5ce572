package dev.tollgate.alerting.testing;

import dev.tollgate.alerting.channel.Channel;
import dev.tollgate.alerting.channel.DeliveryResult;
import dev.tollgate.alerting.message.Notification;
import dev.tollgate.alerting.routes.ChannelSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A channel that answers from a script (then with its default answer) and remembers what it was sent. */
public final class ScriptedChannel implements Channel {
  private final ChannelSpec spec;
  private final Deque<DeliveryResult> script = new ArrayDeque<>();
  private final List<Notification> sent = new ArrayList<>();
  private final List<String> accepted = new ArrayList<>();
  private DeliveryResult answer = DeliveryResult.accepted("HTTP 200");

  public ScriptedChannel(ChannelSpec spec) {
    this.spec = spec;
  }

  @Override
  public ChannelSpec spec() {
    return spec;
  }

  /** The next answers, before the default one. */
  public ScriptedChannel then(DeliveryResult... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  /** The answer once the script is used up. */
  public ScriptedChannel always(DeliveryResult result) {
    answer = result;
    return this;
  }

  @Override
  public synchronized DeliveryResult send(Notification notification) {
    sent.add(notification);
    DeliveryResult result = script.isEmpty() ? answer : script.removeFirst();
    if (result.accepted()) {
      accepted.add(notification.idempotencyKey());
    }
    return result;
  }

  /** The idempotency keys of the notifications it accepted, in order. */
  public synchronized List<String> accepted() {
    return List.copyOf(accepted);
  }

  public synchronized List<Notification> sent() {
    return List.copyOf(sent);
  }

  /** The idempotency keys sent, in order. */
  public synchronized List<String> keys() {
    return sent.stream().map(Notification::idempotencyKey).toList();
  }
}
