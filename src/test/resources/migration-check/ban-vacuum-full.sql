VACUUM FULL productos;
