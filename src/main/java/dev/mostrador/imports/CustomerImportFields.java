package dev.mostrador.imports;

import dev.mostrador.platform.web.Emails;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The customer fields an import can fill, the column names each answers to (Spanish and English),
 * and the check of one row. The checks mirror customers' CustomerInput (name ≤ 200, e-mail, phone
 * pattern) and V025's column limits; when customers grows a richer input record, swap it in here.
 */
public final class CustomerImportFields {
    public static final List<String> FIELDS = List.of("name", "email", "phone", "phone_alt", "tax_id", "address", "city", "status",
            "preferred", "notes");
    /** Matching keys: the field a row is looked up by. */
    public static final List<String> KEYS = List.of("email", "tax_id", "phone");

    private static final Map<String, List<String>> SYNONYMS = Map.of(
            "name", List.of("name", "nombre", "nombres", "nombre completo", "razon social", "cliente", "customer", "full name", "empresa", "company"),
            "email", List.of("email", "e-mail", "e mail", "correo", "correo electronico", "mail", "email address", "e-mail address"),
            "phone", List.of("phone", "telefono", "celular", "movil", "fono", "mobile", "tel", "whatsapp", "telephone", "cel"),
            "phone_alt", List.of("phone 2", "telefono 2", "telefono alternativo", "otro telefono", "fono 2", "celular 2", "alternate phone", "phone alt"),
            "tax_id", List.of("tax id", "rut", "cuit", "cuil", "ruc", "nit", "rfc", "dni", "vat", "identificacion", "documento"),
            "address", List.of("address", "direccion", "domicilio", "calle"),
            "city", List.of("city", "ciudad", "comuna", "localidad", "municipio", "town"),
            "status", List.of("status", "estado"),
            "preferred", List.of("preferred", "preferido", "preferente", "vip"),
            "notes", List.of("notes", "notas", "nota", "observaciones", "comentarios", "comments"));

    private static final Map<String, Integer> MAX = Map.of("name", 200, "email", 254, "phone", 40, "phone_alt", 40, "tax_id", 30,
            "address", 500, "city", 120, "notes", 5000);

    private CustomerImportFields() {}

    /** Lower case, accents off, separators as one space (the kinds share it: {@link ImportKind#fold}). */
    public static String fold(String header) {
        return ImportKind.fold(header);
    }

    /** The field a column's header names, by exact field name or synonym. */
    public static Optional<String> byName(String header) {
        String f = fold(header);
        for (String field : FIELDS) {
            if (fold(field).equals(f) || SYNONYMS.get(field).contains(f)) return Optional.of(field);
        }
        return Optional.empty();
    }

    /**
     * Checks one row's mapped cells (field → text as in the file). Empty cells are left out: an
     * import never blanks a value a customer has. {@code needName}: a row that would create a customer.
     */
    public static ImportRows.Checked check(Map<String, String> cells, String country) {
        Map<String, String> v = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : cells.entrySet()) {
            String field = e.getKey(), raw = e.getValue() == null ? "" : e.getValue().strip();
            if (raw.length() > ImportTable.MAX_CELL) return ImportRows.Checked.error(field, "import.err.too_long");
            if (raw.isEmpty()) continue;
            Integer max = MAX.get(field);
            if (max != null && raw.length() > max) return ImportRows.Checked.error(field, "import.err.too_long");
            switch (field) {
                case "email" -> {
                    if (!Emails.valid(raw)) return ImportRows.Checked.error(field, "import.err.email");
                    v.put(field, raw.toLowerCase());
                }
                case "phone", "phone_alt" -> {
                    if (!raw.matches("[+0-9 ()-]{6,40}")) return ImportRows.Checked.error(field, "import.err.phone");
                    v.put(field, raw);
                }
                case "tax_id" -> {
                    Optional<String> id = dev.mostrador.customers.TaxIds.normalize(country, raw);
                    if (id.isEmpty()) return ImportRows.Checked.error(field, "import.err.tax_id");
                    v.put(field, id.get());
                }
                case "status" -> {
                    String s = status(fold(raw));
                    if (s == null) return ImportRows.Checked.error(field, "import.err.status");
                    v.put(field, s);
                }
                case "preferred" -> {
                    Boolean yes = ImportKind.yesNo(raw);
                    if (yes == null) return ImportRows.Checked.error(field, "import.err.boolean");
                    v.put(field, yes.toString());
                }
                default -> v.put(field, raw);
            }
        }
        return new ImportRows.Checked(v, null, null);
    }

    private static String status(String folded) {
        return switch (folded) {
            case "prospecto", "prospect", "lead" -> "prospecto";
            case "activo", "active", "cliente" -> "activo";
            case "inactivo", "inactive" -> "inactivo";
            case "perdido", "lost" -> "perdido";
            default -> null;
        };
    }

    /** The key's value as rows and customers are compared: e-mail lower case, tax id and phone by digits/letters only. */
    public static String keyOf(String key, String value) {
        if (value == null || value.isBlank()) return null;
        return switch (key) {
            case "email" -> value.trim().toLowerCase();
            case "tax_id" -> ImportTaxIds.compact(value);
            case "phone" -> value.replaceAll("[^0-9]", "");
            default -> throw new IllegalArgumentException(key);
        };
    }

    /** The SQL expression over the customers row aliased c that {@link #keyOf} matches. */
    static String keySql(String key) {
        return switch (key) {
            case "email" -> "lower(c.email)";
            case "tax_id" -> "regexp_replace(upper(c.tax_id), '[^0-9A-Z]', '', 'g')";
            case "phone" -> "regexp_replace(c.phone, '[^0-9]', '', 'g')";
            default -> throw new IllegalArgumentException(key);
        };
    }
}
