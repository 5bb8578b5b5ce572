package dev.tollgate.alerting.channel;

import dev.tollgate.alerting.channel.internal.HttpPost;
import dev.tollgate.alerting.routes.ChannelSpec;
import dev.tollgate.alerting.routes.EmailSpec;
import dev.tollgate.alerting.routes.PagerDutySpec;
import dev.tollgate.alerting.routes.Routes;
import dev.tollgate.alerting.routes.SlackSpec;
import dev.tollgate.alerting.routes.WebhookSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the channel of each spec; HTTP channels share one client. */
public final class Channels {
  private Channels() {}

  public static Map<String, Channel> of(Routes routes, Duration timeout) {
    HttpPost http = new HttpPost(timeout);
    Map<String, Channel> channels = new LinkedHashMap<>();
    for (ChannelSpec spec : routes.channels()) {
      channels.put(spec.name(), of(spec, http, timeout));
    }
    return channels;
  }

  public static Channel of(ChannelSpec spec, Duration timeout) {
    return of(spec, new HttpPost(timeout), timeout);
  }

  private static Channel of(ChannelSpec spec, HttpPost http, Duration timeout) {
    if (spec instanceof WebhookSpec w) {
      return new WebhookChannel(w, http);
    }
    if (spec instanceof SlackSpec s) {
      return new SlackChannel(s, http);
    }
    if (spec instanceof PagerDutySpec p) {
      return new PagerDutyChannel(p, http);
    }
    return new EmailChannel((EmailSpec) spec, timeout);
  }
}
