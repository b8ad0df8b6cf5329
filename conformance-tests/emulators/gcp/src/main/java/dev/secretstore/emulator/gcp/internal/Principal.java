package dev.secretstore.emulator.gcp.internal;

/** Who is calling, as an IAM member string such as {@code serviceAccount:a@p.iam.gserviceaccount.com}. */
public record Principal(String member) {
  public boolean isAuthenticated() {
    return !member.equals("allUsers");
  }
}
