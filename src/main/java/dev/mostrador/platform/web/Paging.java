package dev.mostrador.platform.web;

/** Page numbers for lists that stay small (keyset pagination is for the large tables). */
public record Paging(int page, int pageSize, int total) {

    public static Paging of(String pageParam, int pageSize, int total) {
        int requested = 1;
        try {
            if (pageParam != null) requested = Integer.parseInt(pageParam);
        } catch (NumberFormatException ignored) {
            // a hand-edited ?page= falls back to the first page
        }
        int pages = Math.max(1, (total + pageSize - 1) / pageSize);
        return new Paging(Math.min(Math.max(1, requested), pages), pageSize, total);
    }

    public int pages() {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public int offset() {
        return (page - 1) * pageSize;
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }
}
