package dev.secretstore.cli.conformance;

/**
 * A test that did not pass: where it is, and the first line of why (kit messages name the check, and the
 * kit's own values are synthetic, never the user's secrets).
 *
 * @param group the conformance group's display name
 * @param test  the test's display name
 * @param why   the failure's type and first message line, or the skip reason
 */
public record Outcome(String group, String test, String why) {
}
