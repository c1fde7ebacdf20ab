package dev.mostrador.platform.backup;

/** The version of this build, for an archive's manifest: the jar's own, or "development" when run from classes. */
final class AppVersion {
    private AppVersion() {}

    static String current() {
        String version = AppVersion.class.getPackage().getImplementationVersion();
        return "Mostrador " + (version == null ? "development" : version);
    }
}
