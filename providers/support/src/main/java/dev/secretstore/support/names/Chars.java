package dev.secretstore.support.names;

/** ASCII character classes; {@link Character}'s also accept other scripts. */
final class Chars {

    private Chars() {
    }

    static boolean isAlphanumeric(char c) {
        return isLower(c) || isDigit(c) || (c >= 'A' && c <= 'Z');
    }

    static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
