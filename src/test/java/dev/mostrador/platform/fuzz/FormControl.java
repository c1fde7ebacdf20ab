package dev.mostrador.platform.fuzz;

/**
 * A form control: its name and value, its element id, and how a blank value is sent: "fill"
 * (a required field: a fresh valid value), "as-is" (blank stays blank), "off" (an unchecked box: not sent).
 */
record FormControl(String name, String value, String kind, String id) {
}
