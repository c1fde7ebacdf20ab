package dev.mostrador.platform.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The links and forms of an HTML page, read with regular expressions: the app's own templates are regular enough. */
final class HtmlPages {
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTROL = Pattern.compile(
            "<input\\b([^>]*)>|<select\\b([^>]*)>(.*?)</select>|<textarea\\b([^>]*)>(.*?)</textarea>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?");
    private static final Pattern LINK = Pattern.compile("(?:href|action|src)\\s*=\\s*\"(/[^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Set<String> NOT_SENT = Set.of("submit", "button", "file", "reset", "image");

    private HtmlPages() {
    }

    /** The app's own paths the page links to, forms to, or loads, without their query. */
    static List<String> links(String html) {
        List<String> out = new ArrayList<>();
        Matcher l = LINK.matcher(html);
        while (l.find()) out.add(stripQuery(unescape(l.group(1))));
        return out;
    }

    /** The page's forms; one without an action posts to the page itself. */
    static List<PageForm> forms(String page, String html) {
        List<PageForm> out = new ArrayList<>();
        Matcher f = FORM.matcher(html);
        while (f.find()) {
            Map<String, String> attrs = attributes(f.group(1));
            String action = stripQuery(unescape(attrs.getOrDefault("action", page)));
            if (action.isEmpty()) action = page;
            out.add(new PageForm(action, attrs.getOrDefault("method", "get").toLowerCase(), controls(f.group(2))));
        }
        return out;
    }

    /** What the browser would send of a form as shown: checked boxes, selected options, the value of every other control. */
    private static List<FormControl> controls(String formHtml) {
        List<FormControl> fields = new ArrayList<>();
        Matcher c = CONTROL.matcher(formHtml);
        while (c.find()) {
            if (c.group(1) != null) {
                Map<String, String> a = attributes(c.group(1));
                String type = a.getOrDefault("type", "text").toLowerCase();
                String name = a.get("name");
                if (name == null || NOT_SENT.contains(type)) continue;
                if (type.equals("checkbox") || type.equals("radio")) {
                    if (a.containsKey("checked")) {
                        fields.removeIf(x -> x.name().equals(name) && x.kind().equals("off"));
                        fields.add(new FormControl(name, unescape(a.getOrDefault("value", "on")), "as-is", a.get("id")));
                    } else if (fields.stream().noneMatch(x -> x.name().equals(name))) {
                        fields.add(new FormControl(name, "", "off", a.get("id")));
                    }
                    continue;
                }
                // Only required blanks are filled: a blank optional password means "unchanged", a blank filter "none".
                boolean fill = a.containsKey("required") && !type.equals("hidden");
                fields.add(new FormControl(name, unescape(a.getOrDefault("value", "")), fill ? "fill" : "as-is", a.get("id")));
            } else if (c.group(2) != null) {
                addSelected(fields, attributes(c.group(2)), c.group(3));
            } else {
                Map<String, String> a = attributes(c.group(4));
                if (a.containsKey("name")) {
                    fields.add(new FormControl(a.get("name"), unescape(c.group(5)), a.containsKey("required") ? "fill" : "as-is", a.get("id")));
                }
            }
        }
        return fields;
    }

    /** A select's selected options; with none selected, the first one unless it is a multiple select (then nothing is sent). */
    private static void addSelected(List<FormControl> fields, Map<String, String> select, String optionsHtml) {
        if (!select.containsKey("name")) return;
        List<Map<String, String>> options = new ArrayList<>();
        Matcher o = OPTION.matcher(optionsHtml);
        while (o.find()) options.add(attributes(o.group(1)));
        List<Map<String, String>> selected = options.stream().filter(x -> x.containsKey("selected")).toList();
        if (selected.isEmpty() && !options.isEmpty() && !select.containsKey("multiple")) selected = List.of(options.get(0));
        if (selected.isEmpty()) fields.add(new FormControl(select.get("name"), "", "off", select.get("id")));
        for (Map<String, String> s : selected) {
            fields.add(new FormControl(select.get("name"), unescape(s.getOrDefault("value", "")), "as-is", select.get("id")));
        }
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(tag);
        while (m.find()) {
            String v = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : "";
            out.put(m.group(1).toLowerCase(), v);
        }
        return out;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'")
                .replace("&#34;", "\"").replace("&amp;", "&");
    }

    private static String stripQuery(String url) {
        int q = url.indexOf('?');
        int h = url.indexOf('#');
        int end = q < 0 ? h : h < 0 ? q : Math.min(q, h);
        return end < 0 ? url : url.substring(0, end);
    }
}
