package dev.secretstore.cli.conformance;

/**
 * A test that did not pass: where it is, and why (kit messages name the check, and the kit's own values
 * are synthetic, never the user's secrets; credentials of the configs are masked).
 *
 * @param group the conformance group's display name
 * @param test  the test's display name
 * @param why   the failure's type and message (expectation and actual value; bounded, may span lines), or
 *              the skip reason
 */
public record Outcome(String group, String test, String why) {
}
