package dev.secretstore.support.names;

/**
 * Google Cloud Secret Manager: secret ids of 1–255 characters of {@code A-Z a-z 0-9 _ -}, case-sensitive.
 * Letters, digits, '-' and '_' pass through, so {@code airbyte_workspace_<uuid>_secret_<uuid>_v1} is
 * unchanged. '_' is the escape character, read with the character after it:
 *
 * <pre>
 * portable                                   native
 * /                                          __
 * .                                          _-d
 * _ before a letter or digit                 _
 * _ before anything else (_ - . /)           _-u
 * </pre>
 *
 * A '_' followed by a letter or digit is thus always literal, {@code __} always a '/', and {@code _-}
 * always starts a three-character escape.
 */
final class GcpNameEncoding implements NameEncoding {

    @Override
    public String targetName() {
        return "Google Cloud Secret Manager";
    }

    @Override
    public int maxNativeLength() {
        return 255;
    }

    @Override
    public boolean caseInsensitive() {
        return false;
    }

    @Override
    public boolean isNativeChar(char c) {
        return Chars.isAlphanumeric(c) || c == '_' || c == '-';
    }

    @Override
    public String nativeAlphabet() {
        return "A-Z a-z 0-9 _ -";
    }

    @Override
    public String encode(String portable) {
        StringBuilder out = new StringBuilder(portable.length() + 8);
        for (int i = 0; i < portable.length(); i++) {
            char c = portable.charAt(i);
            switch (c) {
                case '/':
                    out.append("__");
                    break;
                case '.':
                    out.append("_-d");
                    break;
                case '_':
                    boolean beforeAlphanumeric = i + 1 < portable.length() && Chars.isAlphanumeric(portable.charAt(i + 1));
                    out.append(beforeAlphanumeric ? "_" : "_-u");
                    break;
                default:
                    out.append(c);
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
            if (c != '_') {
                if (!isNativeChar(c)) {
                    return null;
                }
                out.append(c);
                i++;
                continue;
            }
            char next = i + 1 < nativeText.length() ? nativeText.charAt(i + 1) : 0;
            if (next == '_') {
                out.append('/');
                i += 2;
            } else if (next == '-') {
                char code = i + 2 < nativeText.length() ? nativeText.charAt(i + 2) : 0;
                if (code == 'd') {
                    out.append('.');
                } else if (code == 'u') {
                    out.append('_');
                } else {
                    return null;
                }
                i += 3;
            } else {
                out.append('_');
                i++;
            }
        }
        return out.toString();
    }

    @Override
    public int guaranteedPortableLength(int maxNative) {
        // First and last characters are letters or digits (1 each); any other takes at most 3.
        return maxNative < 2 ? maxNative : Math.max(2, (maxNative + 4) / 3);
    }

    @Override
    public String escapeCosts() {
        return "'/' (2 characters each), '.' or a '_' not followed by a letter or digit (3 each)";
    }
}
