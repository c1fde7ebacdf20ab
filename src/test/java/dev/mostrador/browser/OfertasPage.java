package dev.mostrador.browser;

import dev.mostrador.support.Chromium;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.format.DateTimeFormatter;
import java.util.List;

/** The admin's ofertas pages as the browser tests read and fill them: the list's rows and badges, the form's type and cart rows. */
final class OfertasPage {
    /** What a datetime-local input holds. */
    static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    /** What the JSON API reads as a local time. */
    static final DateTimeFormatter API_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final By ROWS = By.cssSelector("[data-testid=ofertas-table] tbody tr");
    private static final By TITLE = By.cssSelector("td[data-label='Título']");

    private OfertasPage() {}

    /** The titles in the list, top to bottom. */
    static List<String> titles() {
        return Chromium.driver().findElements(ROWS).stream()
                .map(tr -> tr.findElement(TITLE).getText().split("\n")[0].trim())
                .toList();
    }

    static WebElement rowFor(String titulo) {
        return Chromium.driver().findElements(ROWS).stream()
                .filter(tr -> tr.findElement(TITLE).getText().split("\n")[0].trim().equals(titulo))
                .findFirst()
                .orElseThrow(() -> new AssertionError(titulo + " not in the list: " + titles()));
    }

    /** The oferta's own badge (15% OFF, 3x2, ...). */
    static String badge(WebElement row) {
        return row.findElement(By.cssSelector("td[data-label='Oferta'] .badge")).getText();
    }

    static WebElement estadoBadge(WebElement row) {
        return row.findElement(By.cssSelector("td[data-label='Estado'] .badge"));
    }

    static String estado(WebElement row) {
        return estadoBadge(row).getText();
    }

    static WebElement radio(String tipo) {
        return Chromium.driver().findElement(By.cssSelector("input[name=tipo][value='" + tipo + "']"));
    }

    static WebElement fieldset(String tipo) {
        return Chromium.driver().findElement(By.cssSelector("fieldset.tipo-fields[data-tipo='" + tipo + "']"));
    }

    /** Fills one line of the Cotizador's cart. */
    static void cartRow(int index, String sku, String cantidad) {
        WebElement skuInput = Chromium.driver().findElements(By.name("sku")).get(index);
        skuInput.clear();
        skuInput.sendKeys(sku);
        WebElement qty = Chromium.driver().findElements(By.name("cantidad")).get(index);
        qty.clear();
        qty.sendKeys(cantidad);
    }
}
