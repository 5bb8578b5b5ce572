package dev.tollgate.alerting.channel;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/** Sorts an SMTP failure: a 5xx answer is permanent, anything else (4xx, unreachable) worth retrying. */
final class SmtpFailure {
  private SmtpFailure() {}

  static DeliveryResult classify(MessagingException e) {
    int code = replyCode(e);
    String detail = (code > 0 ? "SMTP " + code + ": " : "") + describe(e);
    return code >= 500 ? DeliveryResult.refused(detail) : DeliveryResult.retry(detail);
  }

  private static int replyCode(Throwable e) {
    for (Throwable t = e; t != null; t = next(t)) {
      if (t instanceof SMTPAddressFailedException a) {
        return a.getReturnCode();
      }
      if (t instanceof SMTPSendFailedException s) {
        return s.getReturnCode();
      }
    }
    return -1;
  }

  private static Throwable next(Throwable t) {
    Throwable cause = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : t.getCause();
    return cause == t ? null : cause;
  }

  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null && text.length() < 400; t = next(t)) {
      if (!text.isEmpty()) {
        text.append(" <- ");
      }
      text.append(t.getClass().getSimpleName()).append(t.getMessage() == null ? "" : ": " + t.getMessage().strip());
    }
    return text.toString().replaceAll("\\s+", " ");
  }
}
