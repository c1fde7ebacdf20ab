package dev.mostrador.rewards.merchants;

/** Small texts of the merchants' pages. */
public final class MerchantView {
    /** Where the merchant's staff sign in with the key. */
    public static String merchantFormUrl(String baseUrl) {
        return (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/comercio";
    }

    private MerchantView() {}
}
