package dev.secretstore.emulator.gcp.internal;

/** Secret Manager meters access, read and write requests per minute per project separately. */
public enum QuotaKind {
  ACCESS("Access requests"),
  READ("Read requests"),
  WRITE("Write requests");

  private final String metric;

  QuotaKind(String metric) {
    this.metric = metric;
  }

  public String metric() {
    return metric;
  }
}
