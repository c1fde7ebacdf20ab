-- Undoing an import (issue 14): an undo runs in the background by batches, like the commit, so it
-- has a state of its own between done and undone that the worker resumes after a restart. The
-- header cells of the line the user picked are kept for the audit ("column 3, Correo → e-mail")
-- without reading the stored file again. Catalogue changes only: the new CHECK is NOT VALID (no
-- scan under this lock; V039 validates it) and the column is nullable (imports before this one
-- show column numbers).
SET LOCAL lock_timeout = '5s';

ALTER TABLE imports
    DROP CONSTRAINT imports_state_check,
    ADD CONSTRAINT imports_state_check
        CHECK (state IN ('uploaded', 'validating', 'validated', 'importing', 'done', 'failed', 'undoing', 'undone')) NOT VALID,
    ADD COLUMN header_cells jsonb;
