package dev.mostrador.customers;

import java.time.OffsetDateTime;

/** A member of the tenant's rewards program (a later issue grows it into the CRM's customer). */
public record Customer(long id, String name, String email, String phone, long balance, OffsetDateTime createdAt) {}
