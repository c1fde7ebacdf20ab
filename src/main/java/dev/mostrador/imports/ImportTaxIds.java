package dev.mostrador.imports;

/** Tax ids as the import compares them; checking and storing them is customers.TaxIds' (one form for the unique index). */
public final class ImportTaxIds {
    private ImportTaxIds() {}

    /** What two ways of writing the same id share: its digits and letters (matching key). */
    public static String compact(String taxId) {
        return taxId == null ? "" : taxId.toUpperCase().replaceAll("[^0-9A-Z]", "");
    }
}
