package dev.mostrador.customers;

import java.util.List;

/**
 * The CRM side of a customer (issue 14), beside {@link Customer} which rewards and orders know:
 * tax id in its stored form, the second phone, address, city, status, the assigned vendedor,
 * who created it, notes, where it came from, and its interests.
 */
public record CustomerProfile(String taxId, String phoneAlt, String address, String city, String status, boolean preferred,
                              Long vendedorId, String vendedorName, Long createdBy, String createdByName, String notes,
                              String source, List<Interest> interests) {
    /** One of the tenant's interests. */
    public record Interest(long id, String name) {}
}
