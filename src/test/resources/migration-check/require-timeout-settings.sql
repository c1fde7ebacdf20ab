ALTER TABLE productos ADD COLUMN nota text;
