package dev.secretstore.support.names;

/**
 * Azure Key Vault: secret names of 1–127 characters of {@code 0-9 A-Z a-z -}, compared ignoring case.
 * Lowercase letters, digits and '-' pass through; '-' is the escape character, read with the character
 * after it:
 *
 * <pre>
 * portable                                   native
 * _                                          --
 * /                                          -x
 * .                                          -q
 * A–Z                                        -k + the letter in lowercase (D → -kd)
 * -  before a character whose encoding
 *    starts with '-', k, q, x or z           -z
 * -  before anything else                    -
 * </pre>
 *
 * Only lowercase is produced, so two names that differ only in case (DB_PASSWORD, db_password) have
 * native names that differ ignoring case too. A '-' followed by another letter or a digit is always
 * literal, which keeps the dashes of UUIDs as they are.
 */
final class AzureNameEncoding implements NameEncoding {

    private static final String CODES = "kqxz";

    @Override
    public String targetName() {
        return "Azure Key Vault";
    }

    @Override
    public int maxNativeLength() {
        return 127;
    }

    @Override
    public boolean caseInsensitive() {
        return true;
    }

    @Override
    public boolean isNativeChar(char c) {
        return Chars.isAlphanumeric(c) || c == '-';
    }

    @Override
    public String nativeAlphabet() {
        return "0-9 A-Z a-z -";
    }

    @Override
    public String encode(String portable) {
        StringBuilder out = new StringBuilder(portable.length() + 8);
        for (int i = 0; i < portable.length(); i++) {
            char c = portable.charAt(i);
            if (Chars.isLower(c) || Chars.isDigit(c)) {
                out.append(c);
            } else if (Chars.isUpper(c)) {
                out.append("-k").append(Character.toLowerCase(c));
            } else if (c == '_') {
                out.append("--");
            } else if (c == '/') {
                out.append("-x");
            } else if (c == '.') {
                out.append("-q");
            } else { // '-'; never the last character of a portable name
                char next = portable.charAt(i + 1);
                boolean passesThrough = (Chars.isLower(next) || Chars.isDigit(next)) && CODES.indexOf(next) < 0;
                out.append(passesThrough ? "-" : "-z");
            }
        }
        return out.toString();
    }

    @Override
    public String decode(String nativeText) {
        StringBuilder out = new StringBuilder(nativeText.length());
        int i = 0;
        while (i < nativeText.length()) {
            char c = nativeText.charAt(i);
            if (Chars.isLower(c) || Chars.isDigit(c)) {
                out.append(c);
                i++;
                continue;
            }
            if (c != '-') {
                return null;
            }
            char next = i + 1 < nativeText.length() ? nativeText.charAt(i + 1) : 0;
            switch (next) {
                case '-':
                    out.append('_');
                    i += 2;
                    break;
                case 'x':
                    out.append('/');
                    i += 2;
                    break;
                case 'q':
                    out.append('.');
                    i += 2;
                    break;
                case 'z':
                    out.append('-');
                    i += 2;
                    break;
                case 'k':
                    char letter = i + 2 < nativeText.length() ? nativeText.charAt(i + 2) : 0;
                    if (!Chars.isLower(letter)) {
                        return null;
                    }
                    out.append(Character.toUpperCase(letter));
                    i += 3;
                    break;
                default:
                    out.append('-');
                    i++;
            }
        }
        return out.toString();
    }

    @Override
    public int guaranteedPortableLength(int maxNative) {
        return maxNative / 3; // a capital letter, the longest escape, takes 3
    }

    @Override
    public String escapeCosts() {
        return "'_', '/', '.' (2 characters each), capital letters (3 each) or a '-' before one of them or "
                + "before k, q, x, z (2)";
    }
}
