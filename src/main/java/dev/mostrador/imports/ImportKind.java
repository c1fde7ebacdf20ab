package dev.mostrador.imports;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of import (imports.kind): the fields each fills, the keys it matches rows by, the
 * column names each field answers to, and the page's wording where it names what is imported.
 */
public enum ImportKind {
    CUSTOMERS(CustomerImportFields.FIELDS, CustomerImportFields.KEYS),
    PRODUCTS(ProductImportFields.FIELDS, ProductImportFields.KEYS);

    private final List<String> fields;
    private final List<String> keys;

    ImportKind(List<String> fields, List<String> keys) {
        this.fields = fields;
        this.keys = keys;
    }

    /** What a form sent or a row holds; anything unknown is a customers import, the first kind. */
    public static ImportKind of(String code) {
        return "products".equals(code) ? PRODUCTS : CUSTOMERS;
    }

    public String code() {
        return name().toLowerCase();
    }

    public List<String> fields() {
        return fields;
    }

    public List<String> keys() {
        return keys;
    }

    public String defaultKey() {
        return keys.get(0);
    }

    /** The field a column's header names, by exact field name or synonym. */
    public Optional<String> byName(String header) {
        return this == PRODUCTS ? ProductImportFields.byName(header) : CustomerImportFields.byName(header);
    }

    /** A message that names what is imported: "import.key" is about customers; products have "import.products.key". */
    public String label(String key) {
        return this == PRODUCTS ? "import.products." + key.substring("import.".length()) : key;
    }

    /** Lower case, accents off, separators as one space: "Teléfono_2" → "telefono 2". */
    public static String fold(String header) {
        String s = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase();
        return s.replaceAll("[^a-z0-9@]+", " ").trim();
    }

    /** A yes/no cell as people write it (Spanish or English, Excel's TRUE/FALSE, 1/0, an x); null when it is neither. */
    static Boolean yesNo(String raw) {
        String f = fold(raw);
        if (List.of("si", "s", "yes", "y", "true", "1", "x", "verdadero").contains(f)) return true;
        if (List.of("no", "n", "false", "0", "falso").contains(f)) return false;
        return null;
    }
}
