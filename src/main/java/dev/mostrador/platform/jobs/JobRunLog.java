package dev.mostrador.platform.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** The job_runs table (V047): one row per job, overwritten by each run. */
final class JobRunLog {
    private static final Logger log = LoggerFactory.getLogger(JobRunLog.class);
    private final DataSource dataSource;

    JobRunLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void record(String name, long durationMs, Long rows, String instance, String error) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("""
                     INSERT INTO public.job_runs AS r (name, last_run_at, last_duration_ms, last_rows, last_instance, last_error)
                     VALUES (?, now() - make_interval(secs => ? / 1000.0), ?, ?, ?, ?)
                     ON CONFLICT (name) DO UPDATE SET last_run_at = excluded.last_run_at, last_duration_ms = excluded.last_duration_ms,
                         last_rows = excluded.last_rows, last_instance = excluded.last_instance, last_error = excluded.last_error,
                         runs = r.runs + 1""")) {
            st.setString(1, name);
            st.setLong(2, durationMs);
            st.setLong(3, durationMs);
            if (rows == null) st.setNull(4, Types.BIGINT); else st.setLong(4, rows);
            st.setString(5, instance);
            st.setString(6, error == null ? null : error.substring(0, Math.min(error.length(), 1000)));
            st.executeUpdate();
        } catch (SQLException e) {
            // The job ran; only its record is lost (the database is down, say): never fail the schedule for it.
            log.warn("could not record the run of job {}: {}", name, e.getMessage());
        }
    }

    List<JobRun> all() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT name, last_run_at, last_duration_ms, last_rows, last_instance, last_error, runs "
                     + "FROM public.job_runs ORDER BY name");
             ResultSet rs = st.executeQuery()) {
            List<JobRun> all = new ArrayList<>();
            while (rs.next()) {
                all.add(new JobRun(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getLong(3), rs.getObject(4, Long.class),
                        rs.getString(5), rs.getString(6), rs.getLong(7)));
            }
            return all;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read job_runs: " + e.getMessage(), e);
        }
    }
}
