package dev.mostrador.platform.fuzz;

/** Who sends a route its bad input: a staff admin, a caller not signed in, or a merchant signed in with its key. */
enum CallerKind {
    ADMIN, ANONYMOUS, MERCHANT;

    String label() {
        return name().toLowerCase();
    }
}
