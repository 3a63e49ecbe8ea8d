package io.beseda.channel.web;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.beseda.channel.ChannelAccount;
import io.beseda.channel.Secret;
import io.beseda.channel.SettingLabel;

/**
 * A messenger's settings form, drawn from its provider's settings record: one field per component, labelled
 * by {@link SettingLabel}, secrets as password fields that are never shown back and, left empty, keep what is
 * stored. Turns the posted {@code setting.<name>} fields back into the map the account stores.
 */
final class MessengerForms {

    static final String PREFIX = "setting.";

    enum Kind { TEXT, NUMBER, CHECKBOX, SECRET }

    /** One field as the page shows it; {@code value} is never a secret's. */
    record Field(String name, String label, String hint, Kind kind, @Nullable String value, boolean stored) {
    }

    private MessengerForms() {
    }

    static List<Field> fields(Class<? extends Record> type, @Nullable ChannelAccount account, Locale locale) {
        var fields = new ArrayList<Field>();
        for (var component : type.getRecordComponents()) {
            var label = component.getAnnotation(SettingLabel.class);
            var text = label == null ? component.getName() : "en".equals(locale.getLanguage()) ? label.en() : label.ru();
            var current = account == null ? null : account.settings().get(component.getName());
            var kind = kind(component);
            fields.add(new Field(component.getName(), text, label == null ? "" : label.hint(), kind,
                    kind == Kind.SECRET || current == null ? null : String.valueOf(current),
                    current != null && !String.valueOf(current).isEmpty()));
        }
        return fields;
    }

    /** The settings to store: posted values typed as the record wants them; empty fields are left out. */
    static Map<String, Object> settings(Class<? extends Record> type, Map<String, String> form) {
        var settings = new LinkedHashMap<String, Object>();
        for (var component : type.getRecordComponents()) {
            var posted = form.get(PREFIX + component.getName());
            var kind = kind(component);
            if (kind == Kind.CHECKBOX) {
                settings.put(component.getName(), posted != null && !posted.isEmpty() && !"false".equals(posted));
            } else if (posted == null || posted.isBlank()) {
                continue; // left empty: nothing, and a secret keeps what is stored (ChannelAccounts.update)
            } else if (kind == Kind.NUMBER) {
                try {
                    settings.put(component.getName(), Long.parseLong(posted.strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(component.getName() + " must be a whole number");
                }
            } else {
                settings.put(component.getName(), posted.strip());
            }
        }
        return settings;
    }

    private static Kind kind(RecordComponent component) {
        if (component.isAnnotationPresent(Secret.class)) {
            return Kind.SECRET;
        }
        var type = component.getType();
        if (type == boolean.class || type == Boolean.class) {
            return Kind.CHECKBOX;
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return Kind.NUMBER;
        }
        return Kind.TEXT;
    }
}
