package dev.secretstore.emulator.aws.internal.identity;

import java.security.SecureRandom;

/** Random identifiers in the shapes AWS uses (AIDA…/AROA…/ASIA… ids, 40-character secrets, session tokens). */
public final class IdGenerator {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private IdGenerator() {
    }

    public static String id(String prefix) {
        return prefix + random(UPPER_ALNUM, 16);
    }

    public static String secretAccessKey() {
        return random(SECRET_CHARS, 40);
    }

    public static String sessionToken() {
        return "IQoJb3JpZ2luX2VjE" + random(SECRET_CHARS, 300);
    }

    public static String alphanumeric(int length) {
        return random(ALNUM, length);
    }

    private static String random(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
