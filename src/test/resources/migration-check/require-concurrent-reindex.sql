REINDEX INDEX productos_nombre_idx;
