package io.beseda.channel;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Validator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.beseda.shared.RuleViolationException;
import io.beseda.shared.SecretBox;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an account's settings into what is stored and back: checked against the provider's settings
 * record, with its secrets encrypted as {@code {"encrypted": "…"}} bound to the account and the field.
 */
@Component
class SettingsCodec {

    private static final String ENCRYPTED = "encrypted";

    private final ObjectProvider<ChannelConnectorFactory> factories;
    private final SecretBox secrets;
    private final JsonMapper json;
    private final Validator validator;

    SettingsCodec(ObjectProvider<ChannelConnectorFactory> factories, SecretBox secrets, JsonMapper json, Validator validator) {
        this.factories = factories;
        this.secrets = secrets;
        this.json = json;
        this.validator = validator;
    }

    Class<? extends Record> type(String provider) {
        return factories.orderedStream().filter(f -> f.provider().equals(provider)).findFirst()
                .<Class<? extends Record>>map(ChannelConnectorFactory::settingsType)
                .orElseThrow(() -> new RuleViolationException("channel.provider.unknown", "No provider '" + provider + "'"));
    }

    /** Checks the settings against the provider's record; answers what to store, secrets encrypted. */
    Map<String, Object> seal(UUID account, String provider, Map<String, Object> settings) {
        var type = type(provider);
        Record typed;
        try {
            typed = json.convertValue(settings, type);
        } catch (RuntimeException e) {
            throw new RuleViolationException("channel.settings.invalid", "Settings do not fit " + type.getSimpleName()
                    + ": " + e.getMessage());
        }
        var violations = validator.validate(typed);
        if (!violations.isEmpty()) {
            var first = violations.iterator().next();
            throw new RuleViolationException("channel.settings.invalid", first.getPropertyPath() + " " + first.getMessage());
        }
        var sealed = new HashMap<String, Object>(settings);
        for (var component : type.getRecordComponents()) {
            var value = sealed.get(component.getName());
            if (component.isAnnotationPresent(Secret.class) && value instanceof String text && !text.isEmpty()) {
                sealed.put(component.getName(), Map.of(ENCRYPTED, secrets.encrypt(text, context(account, component.getName()))));
            }
        }
        return sealed;
    }

    /**
     * New settings for an account that had {@code stored} (decrypted): a secret the change leaves out or leaves
     * empty keeps its stored value, since pages and API answers never show secrets back.
     */
    Map<String, Object> keepingSecrets(String provider, Map<String, Object> stored, Map<String, Object> changed) {
        var kept = new HashMap<String, Object>(changed);
        for (var component : type(provider).getRecordComponents()) {
            var name = component.getName();
            var now = kept.get(name);
            if (component.isAnnotationPresent(Secret.class) && (now == null || "".equals(now)) && stored.get(name) != null) {
                kept.put(name, stored.get(name));
            }
        }
        return kept;
    }

    /** The stored settings with their secrets decrypted, for the connector. */
    Map<String, Object> open(UUID account, Map<String, Object> stored) {
        var open = new HashMap<String, Object>(stored);
        stored.forEach((key, value) -> {
            if (value instanceof Map<?, ?> map && map.size() == 1 && map.get(ENCRYPTED) instanceof String cipher) {
                open.put(key, secrets.decrypt(cipher, context(account, key)));
            }
        });
        return open;
    }

    /** The settings with every secret replaced by a mask, for pages and API answers. */
    Map<String, Object> redact(String provider, Map<String, Object> settings) {
        var redacted = new HashMap<String, Object>(settings);
        for (var component : type(provider).getRecordComponents()) {
            if (component.isAnnotationPresent(Secret.class) && redacted.get(component.getName()) != null) {
                redacted.put(component.getName(), "••••••");
            }
        }
        return redacted;
    }

    private static String context(UUID account, String field) {
        return "channel_account:" + account + ":" + field;
    }
}
