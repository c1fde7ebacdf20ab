package dev.mostrador.platform.fuzz;

import java.util.List;

/** A form as a page shows it: where it goes, "get" or "post", its controls in page order. */
record PageForm(String action, String method, List<FormControl> fields) {
    List<String> names() {
        return fields.stream().map(FormControl::name).distinct().toList();
    }
}
