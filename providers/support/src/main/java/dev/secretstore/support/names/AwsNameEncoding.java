package dev.secretstore.support.names;

/**
 * AWS Secrets Manager: names of 1–512 characters of {@code A-Z a-z 0-9 / _ + = . @ -}, case-sensitive.
 * The portable alphabet is a subset, so a name is its own encoding.
 */
final class AwsNameEncoding implements NameEncoding {

    @Override
    public String targetName() {
        return "AWS Secrets Manager";
    }

    @Override
    public int maxNativeLength() {
        return 512;
    }

    @Override
    public boolean caseInsensitive() {
        return false;
    }

    @Override
    public boolean isNativeChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "/_+=.@-".indexOf(c) >= 0;
    }

    @Override
    public String nativeAlphabet() {
        return "A-Z a-z 0-9 / _ + = . @ -";
    }

    @Override
    public String encode(String portable) {
        return portable;
    }

    @Override
    public String decode(String nativeText) {
        return nativeText;
    }

    @Override
    public int guaranteedPortableLength(int maxNative) {
        return maxNative;
    }

    @Override
    public String escapeCosts() {
        return "no character that takes an escape (there are none)";
    }
}
