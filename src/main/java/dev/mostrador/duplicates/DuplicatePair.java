package dev.mostrador.duplicates;

/** Two customers of a tenant that look like one person, and why (the rule and the value they share). */
public record DuplicatePair(DuplicateRule rule, String key, Side a, Side b) {
    /** One of the two, as the list shows it. */
    public record Side(long id, String name, String email, String phone, String taxId, String city) {}
}
