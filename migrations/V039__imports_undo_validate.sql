-- V038's state check, validated apart (SHARE UPDATE EXCLUSIVE: imports go on being read and written).
ALTER TABLE imports VALIDATE CONSTRAINT imports_state_check;
