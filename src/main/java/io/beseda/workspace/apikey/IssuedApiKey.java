package io.beseda.workspace.apikey;

/** A freshly issued key together with its secret, which exists only in this value and is shown once. */
public record IssuedApiKey(ApiKey key, String secret) {

    @Override
    public String toString() {
        return "IssuedApiKey[" + key.prefix() + "…]";
    }
}
