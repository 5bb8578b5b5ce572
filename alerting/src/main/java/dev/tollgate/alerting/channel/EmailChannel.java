package dev.tollgate.alerting.channel;

import dev.tollgate.alerting.message.EmailMessage;
import dev.tollgate.alerting.message.Notification;
import dev.tollgate.alerting.routes.EmailSpec;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Sends {@link EmailMessage}s through SMTP as multipart/alternative (plain text, then HTML). The
 * Message-ID is derived from the channel and the idempotency key, so mail clients and filters can
 * recognise a repeat; {@code Idempotency-Key} is also a header of its own.
 */
public final class EmailChannel implements Channel {
  private final EmailSpec spec;
  private final Session session;

  public EmailChannel(EmailSpec spec, Duration timeout) {
    this.spec = spec;
    this.session = Session.getInstance(properties(spec, timeout));
  }

  @Override
  public EmailSpec spec() {
    return spec;
  }

  @Override
  public DeliveryResult send(Notification notification) {
    try {
      MimeMessage message = message(notification);
      if (spec.authenticated()) {
        Transport.send(message, spec.username(), spec.password());
      } else {
        Transport.send(message);
      }
      return DeliveryResult.accepted("accepted by " + spec.smtpHost() + ":" + spec.smtpPort());
    } catch (MessagingException e) {
      return SmtpFailure.classify(e);
    }
  }

  private MimeMessage message(Notification notification) throws MessagingException {
    EmailMessage content = EmailMessage.of(notification);
    String messageId = "<" + hash(spec.name() + "|" + notification.idempotencyKey()) + "@tollgate.alerting>";
    MimeMessage message = new MimeMessage(session) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
    message.setFrom(new InternetAddress(spec.from()));
    message.setRecipients(MimeMessage.RecipientType.TO, recipients());
    message.setSubject(content.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    message.setHeader(WebhookChannel.IDEMPOTENCY_KEY, notification.idempotencyKey());
    MimeBodyPart plain = new MimeBodyPart();
    plain.setText(content.plain(), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(content.html(), StandardCharsets.UTF_8.name(), "html");
    message.setContent(new MimeMultipart("alternative", plain, html));
    return message;
  }

  private Address[] recipients() throws MessagingException {
    Address[] to = new Address[spec.to().size()];
    for (int i = 0; i < to.length; i++) {
      to[i] = new InternetAddress(spec.to().get(i));
    }
    return to;
  }

  private static Properties properties(EmailSpec spec, Duration timeout) {
    Properties p = new Properties();
    String millis = Long.toString(timeout.toMillis());
    String protocol = spec.security().equals("ssl") ? "smtps" : "smtp";
    p.put("mail.transport.protocol", protocol);
    p.put("mail." + protocol + ".host", spec.smtpHost());
    p.put("mail." + protocol + ".port", Integer.toString(spec.smtpPort()));
    p.put("mail." + protocol + ".auth", Boolean.toString(spec.authenticated()));
    p.put("mail." + protocol + ".connectiontimeout", millis);
    p.put("mail." + protocol + ".timeout", millis);
    p.put("mail." + protocol + ".writetimeout", millis);
    if (spec.security().equals("starttls")) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    return p;
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
