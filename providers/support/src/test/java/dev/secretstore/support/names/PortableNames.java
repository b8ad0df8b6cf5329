package dev.secretstore.support.names;

import dev.secretstore.SecretName;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of valid portable names, biased toward the characters the codecs escape. */
final class PortableNames {

    /** Every portable character. */
    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._/-";
    /** Few letters, many separators, and the letters the escapes use (k q x z d u): where collisions would hide. */
    static final String SEPARATORS = "._/-";
    static final String TRICKY = "aAkKqQxXzZdDuU09._/-_-_/.";

    private PortableNames() {
    }

    static Arbitrary<SecretName> any() {
        return Arbitraries.oneOf(names(ALPHABET, 1, 255), names(TRICKY, 1, 255), names(TRICKY, 1, 40));
    }

    static Arbitrary<SecretName> shortNames() {
        return Arbitraries.oneOf(names(ALPHABET, 1, 42), names(TRICKY, 1, 42));
    }

    static Arbitrary<SecretName> names(String chars, int minLength, int maxLength) {
        Arbitrary<Character> alnum = Arbitraries.of('a', 'Z', 'k', 'q', 'x', 'z', 'd', 'u', 'K', '0', '9');
        Arbitrary<String> middle = Arbitraries.strings().withChars(chars.toCharArray()).ofMinLength(0)
                .ofMaxLength(Math.max(0, maxLength - 2));
        return Combinators.combine(alnum, middle, alnum).as((first, mid, last) -> {
            String s = (first + mid + last).replaceAll("/{2,}", "/").replaceAll("\\.{2,}", ".");
            return s.length() > maxLength ? s.substring(0, maxLength - 1) + last : s;
        }).filter(s -> s.length() >= minLength && SecretName.isValid(s)).map(SecretName::of);
    }

    /** The name with the case of some letters flipped, or a separator swapped: a near neighbour. */
    static String neighbour(String name, int seed) {
        char[] c = name.toCharArray();
        int i = Math.floorMod(seed, c.length);
        char ch = c[i];
        if (Character.isUpperCase(ch)) {
            c[i] = Character.toLowerCase(ch);
        } else if (Character.isLowerCase(ch)) {
            c[i] = Character.toUpperCase(ch);
        } else if (SEPARATORS.indexOf(ch) >= 0) {
            String others = SEPARATORS.replace(String.valueOf(ch), "");
            c[i] = others.charAt(Math.floorMod(seed / 7, others.length()));
        } else {
            c[i] = ch == '0' ? '1' : '0';
        }
        return new String(c);
    }
}
