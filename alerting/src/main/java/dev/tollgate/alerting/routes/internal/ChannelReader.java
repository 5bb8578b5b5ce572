package dev.tollgate.alerting.routes.internal;

import dev.tollgate.alerting.routes.ChannelSpec;
import dev.tollgate.alerting.routes.EmailSpec;
import dev.tollgate.alerting.routes.PagerDutySpec;
import dev.tollgate.alerting.routes.RouteFileError;
import dev.tollgate.alerting.routes.SlackSpec;
import dev.tollgate.alerting.routes.WebhookSpec;
import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one entry of {@code channels}: the fields every channel has, then those of its type. */
public final class ChannelReader {
  public static final List<String> TYPES = List.of("webhook", "slack", "pagerduty", "email");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>]+@[^@\\s<>]+");
  private static final Set<String> COMMON = Set.of("name", "type", "rate_per_minute", "digest");
  private static final int MAX_RATE = 100_000;

  private ChannelReader() {}

  public static Optional<ChannelSpec> read(Located node, String path, List<RouteFileError> errors, Map<String, String> env) {
    ObjectReader r = ObjectReader.of(node, path, errors, env);
    if (r == null) {
      return Optional.empty();
    }
    int before = errors.size();
    String name = r.requiredString("name", "each channel needs a name that routes refer to");
    if (name != null && !NAME.matcher(name).matches()) {
      r.error(node.fields().get("name"), "name", "must be 1 to 64 letters, digits, '_', '.' or '-', starting with a"
          + " letter or digit, got \"" + name + "\"");
    }
    String type = r.requiredString("type", "expected one of " + TYPES);
    Integer rate = r.optionalInt("rate_per_minute", 1, MAX_RATE);
    Boolean digest = r.optionalBoolean("digest");
    if (type != null && !TYPES.contains(type)) {
      r.error(node.fields().get("type"), "type", "must be one of " + TYPES + ", got \"" + type + "\"");
      return Optional.empty();
    }
    ChannelSpec spec = type == null ? null : switch (type) {
      case "webhook" -> webhook(r, name, rate, digest);
      case "slack" -> slack(r, name, rate, digest);
      case "pagerduty" -> pagerDuty(r, name, rate, digest);
      default -> email(r, name, rate, digest);
    };
    return errors.size() == before ? Optional.ofNullable(spec) : Optional.empty();
  }

  private static WebhookSpec webhook(ObjectReader r, String name, Integer rate, Boolean digest) {
    r.allowOnly(with("url", "secret", "headers"));
    URI url = r.requiredUrl("url", "the address to POST alerts to");
    String secret = r.optionalString("secret");
    return new WebhookSpec(name, url, secret, headers(r), rate, digest == null || digest);
  }

  private static Map<String, String> headers(ObjectReader r) {
    Map<String, String> headers = new LinkedHashMap<>();
    Located node = r.node().fields().get("headers");
    if (node == null) {
      return headers;
    }
    if (node.type() != Located.Type.OBJECT) {
      r.error(node, "headers", "must be an object of header names to values, got " + node.describe());
      return headers;
    }
    node.fields().forEach((header, value) -> {
      if (value.type() != Located.Type.STRING) {
        r.error(value, "headers." + header, "must be a string, got " + value.describe());
      } else {
        headers.put(header, value.text());
      }
    });
    return headers;
  }

  private static SlackSpec slack(ObjectReader r, String name, Integer rate, Boolean digest) {
    r.allowOnly(with("url"));
    URI url = r.requiredUrl("url", "the Slack incoming-webhook URL");
    return new SlackSpec(name, url, rate, digest == null || digest);
  }

  private static PagerDutySpec pagerDuty(ObjectReader r, String name, Integer rate, Boolean digest) {
    r.allowOnly(with("routing_key", "url", "source"));
    if (Boolean.TRUE.equals(digest)) {
      r.error(r.node().fields().get("digest"), "digest", "is not supported for pagerduty: PagerDuty groups and"
          + " deduplicates events itself");
    }
    String routingKey = r.requiredString("routing_key", "the integration key of the PagerDuty service");
    String urlText = r.optionalString("url");
    URI url = urlText == null ? PagerDutySpec.DEFAULT_URL : r.url("url", urlText);
    String source = r.optionalString("source");
    return new PagerDutySpec(name, url, routingKey, source == null ? PagerDutySpec.DEFAULT_SOURCE : source, rate);
  }

  private static EmailSpec email(ObjectReader r, String name, Integer rate, Boolean digest) {
    r.allowOnly(with("smtp_host", "smtp_port", "username", "password", "security", "from", "to"));
    String host = r.requiredString("smtp_host", "the SMTP server to send through");
    Integer port = r.optionalInt("smtp_port", 1, 65_535);
    int smtpPort = port == null ? 25 : port;
    String username = r.optionalString("username");
    String password = r.optionalString("password");
    if (r.has("username") != r.has("password")) {
      r.missing(r.has("username") ? "password" : "username", "username and password go together");
    }
    String security = r.optionalString("security");
    if (security != null && !EmailSpec.SECURITY.contains(security)) {
      r.error(r.node().fields().get("security"), "security", "must be one of " + EmailSpec.SECURITY + ", got \""
          + security + "\"");
    }
    String from = address(r, "from", "from", r.requiredString("from", "the sender address"));
    List<String> to = r.stringOrList("to");
    if (!r.has("to")) {
      r.missing("to", "expected an address or an array of addresses");
    } else if (to.isEmpty()) {
      r.error(r.node().fields().get("to"), "to", "must name at least one address");
    }
    for (int i = 0; i < to.size(); i++) {
      address(r, "to", "to[" + i + "]", to.get(i));
    }
    return new EmailSpec(name, host, smtpPort, username, password,
        security == null ? EmailSpec.defaultSecurity(smtpPort) : security, from, to, rate, digest == null || digest);
  }

  private static String address(ObjectReader r, String field, String path, String address) {
    if (address != null && !ADDRESS.matcher(address).matches()) {
      r.error(r.node().fields().getOrDefault(field, r.node()), path,
          "must be an e-mail address such as oncall@example.com, got \"" + address + "\"");
    }
    return address;
  }

  private static Set<String> with(String... own) {
    Set<String> all = new HashSet<>(COMMON);
    all.addAll(List.of(own));
    return all;
  }
}
