package dev.secretstore;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing. Pass {@link #nextPageToken()} in {@link ListOptions} to get the next one, or
 * use {@link SecretStore#listAll(String)} to stream every page.
 *
 * @param <T> item type
 */
public final class Page<T> {

    private final List<T> items;
    private final String nextPageToken;

    private Page(List<T> items, String nextPageToken) {
        this.items = List.copyOf(items);
        this.nextPageToken = nextPageToken == null || nextPageToken.isEmpty() ? null : nextPageToken;
    }

    /**
     * @param items         the items
     * @param nextPageToken token of the next page, {@code null} on the last page
     * @param <T>           item type
     * @return the page
     */
    public static <T> Page<T> of(List<T> items, String nextPageToken) {
        return new Page<>(items, nextPageToken);
    }

    /**

     * @param items the items

     * @param <T> item type

     * @return the last page

     */
    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, null);
    }

    /** @return the items, unmodifiable */
    public List<T> items() {
        return items;
    }

    /** @return the token of the next page; empty on the last page */
    public Optional<String> nextPageToken() {
        return Optional.ofNullable(nextPageToken);
    }

    @Override
    public String toString() {
        return "Page[" + items.size() + " items" + (nextPageToken == null ? "" : ", more") + "]";
    }
}
