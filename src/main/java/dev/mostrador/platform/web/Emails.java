package dev.mostrador.platform.web;

import java.util.regex.Pattern;

/**
 * An e-mail address as people type them. A domain without a dot is allowed: the app itself
 * creates {@code admin@localhost}, and an intranet's addresses look like that too.
 */
public final class Emails {
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)*");

    private Emails() {}

    public static boolean valid(String email) {
        return email != null && email.length() <= 254 && SHAPE.matcher(email).matches();
    }
}
