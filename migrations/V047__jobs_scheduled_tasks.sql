-- Periodic jobs run once per period across every instance of the app (platform/jobs/Jobs.java):
-- db-scheduler keeps one row per job here and an instance runs it only after taking the row
-- (a conditional UPDATE on its version). Its own PostgreSQL schema for 16.x, table for table.
CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone NOT NULL,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- What each job did last, whichever instance ran it (Jobs.lastRuns(): metrics, operators).
CREATE TABLE job_runs (
    name             text PRIMARY KEY,
    last_run_at      timestamptz NOT NULL,
    last_duration_ms bigint      NOT NULL CHECK (last_duration_ms >= 0),
    last_rows        bigint,
    last_instance    text        NOT NULL,
    last_error       text,
    runs             bigint      NOT NULL DEFAULT 1 CHECK (runs >= 1)
);
