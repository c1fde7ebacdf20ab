-- flyway:executeInTransaction=false
BEGIN;
UPDATE tenants SET locale = 'es-CL' WHERE locale IS NULL;
