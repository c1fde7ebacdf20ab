package dev.mostrador.dashboard;

/** One number of the dashboard, the list it stands for, and a line saying which period. */
public record DashboardFigure(String id, String label, String value, String href, String note) {}
