package dev.tollgate.alerting.routes;

import java.util.List;

/**
 * E-mail through an SMTP server: a plain-text and an HTML part. {@code security} is {@code none},
 * {@code starttls} (required, not opportunistic) or {@code ssl}.
 */
public record EmailSpec(String name, String smtpHost, int smtpPort, String username, String password,
    String security, String from, List<String> to, Integer ratePerMinute, boolean digest) implements ChannelSpec {

  public static final List<String> SECURITY = List.of("none", "starttls", "ssl");

  public EmailSpec {
    to = List.copyOf(to);
  }

  @Override
  public String type() {
    return "email";
  }

  public boolean authenticated() {
    return username != null;
  }

  /** The default for a port: 465 is SMTPS, 587 is submission with STARTTLS, anything else plain. */
  public static String defaultSecurity(int port) {
    return switch (port) {
      case 465 -> "ssl";
      case 587 -> "starttls";
      default -> "none";
    };
  }

  @Override
  public String toString() {
    return "EmailSpec[name=" + name + ", smtp=" + smtpHost + ":" + smtpPort + ", username=" + username
        + ", password=" + (password == null ? "none" : "***") + ", security=" + security + ", from=" + from
        + ", to=" + to + ", ratePerMinute=" + ratePerMinute + ", digest=" + digest + "]";
  }
}
