package dev.mostrador.visits;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A vendedor's visit to a customer (seed 004's ClientVisit), with what the day's list shows of the
 * customer; {@code outcome} is null while the visit is planned.
 */
public record Visita(long id, long customerId, String customerName, String customerAddress, String customerCity, String customerPhone,
                     long vendedorId, String vendedorName, OffsetDateTime plannedAt, String status, String outcome, String notes,
                     String nextAction, LocalDate nextActionDate, OffsetDateTime doneAt, OffsetDateTime createdAt) {
    public static final String PLANNED = "planned";
    public static final String DONE = "done";

    public boolean done() {
        return DONE.equals(status);
    }

    /** A phone link's target: digits and a leading + only. */
    public String telHref() {
        return customerPhone == null ? null : "tel:" + customerPhone.replaceAll("[^+0-9]", "");
    }

    /** The customer's address and city as one line, or null when neither is known. */
    public String place() {
        if (customerAddress == null && customerCity == null) return null;
        if (customerAddress == null) return customerCity;
        return customerCity == null ? customerAddress : customerAddress + ", " + customerCity;
    }

    /** A maps search for the address: works on every phone (it opens the maps app when there is one). */
    public String mapsHref() {
        String p = place();
        return p == null ? null : "https://www.google.com/maps/search/?api=1&query=" + java.net.URLEncoder.encode(p, java.nio.charset.StandardCharsets.UTF_8);
    }
}
