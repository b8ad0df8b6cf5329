package dev.secretstore.support.names;

/** One cloud's mapping of a portable name's text to native text (without any prefix). */
interface NameEncoding {

    /** @return the cloud's name for messages */
    String targetName();

    /** @return the longest native name */
    int maxNativeLength();

    /** @return whether the cloud compares names ignoring case */
    boolean caseInsensitive();

    /**
     * @param c a character
     * @return whether native names may contain it (prefixes are checked with it)
     */
    boolean isNativeChar(char c);

    /** @return the native alphabet for messages, e.g. {@code "A-Z a-z 0-9 _ -"} */
    String nativeAlphabet();

    /**
     * @param portable a valid portable name
     * @return its encoding, in the native alphabet ({@link #caseInsensitive()}: lowercase only)
     */
    String encode(String portable);

    /**
     * @param nativeText native text (lowercased first when {@link #caseInsensitive()})
     * @return the text it decodes to, or {@code null} if it is not an encoding; the caller checks that the
     *     result is a valid name whose encoding is exactly {@code nativeText}
     */
    String decode(String nativeText);

    /**
     * @param maxNative room for the encoding, in native characters
     * @return the longest portable name whose encoding always fits in it
     */
    int guaranteedPortableLength(int maxNative);

    /** @return which characters take more than one native character, for messages */
    String escapeCosts();
}
