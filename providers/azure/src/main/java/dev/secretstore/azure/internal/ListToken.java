package dev.secretstore.azure.internal;

/** A list page token: the vault's continuation token and how many matching items of that vault page were returned. */
record ListToken(String vaultToken, int skip) {

    static ListToken parse(String token) {
        if (token == null || token.isEmpty()) {
            return new ListToken(null, 0);
        }
        int colon = token.indexOf(':');
        try {
            int skip = Integer.parseInt(token.substring(0, colon));
            String rest = token.substring(colon + 1);
            return new ListToken(rest.isEmpty() ? null : rest, Math.max(0, skip));
        } catch (RuntimeException e) {
            throw new dev.secretstore.InvalidRequestException("not a page token of this store");
        }
    }

    @Override
    public String toString() {
        return skip + ":" + (vaultToken == null ? "" : vaultToken);
    }
}
