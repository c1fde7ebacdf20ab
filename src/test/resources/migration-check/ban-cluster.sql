CLUSTER productos USING productos_pkey;
