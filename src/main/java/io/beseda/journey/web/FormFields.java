package io.beseda.journey.web;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** Reads numbered rows out of flat form fields: {@code cond.0.field}, {@code cond.1.field}… in number order. */
final class FormFields {

    private FormFields() {
    }

    static SortedSet<Integer> indices(Map<String, String> fields, String prefix) {
        var indices = new TreeSet<Integer>();
        for (var key : fields.keySet()) {
            if (key.startsWith(prefix)) {
                var rest = key.substring(prefix.length());
                var dot = rest.indexOf('.');
                var number = dot < 0 ? rest : rest.substring(0, dot);
                if (number.matches("\\d{1,4}")) {
                    indices.add(Integer.parseInt(number));
                }
            }
        }
        return indices;
    }
}
