//! `tidings-bench explain --db FILE QUERIES.sql`: SQLite's plan for each statement of a file,
//! with the SQLite the app is built with (the system's `sqlite3` may plan differently).
//! Statements are separated by `;` at a line's end; a `-- name: …` line names the next one.

use std::path::Path;

pub fn explain(db: &Path, queries: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(queries).map_err(|e| e.to_string())?;
    let conn = rusqlite::Connection::open(db).map_err(|e| e.to_string())?;
    // Retention's batch table lives in the writer connection's temp schema.
    conn.execute_batch("CREATE TEMP TABLE IF NOT EXISTS doomed (id INTEGER PRIMARY KEY)")
        .map_err(|e| e.to_string())?;
    let mut name = String::new();
    let mut sql = String::new();
    for line in text.lines() {
        if let Some(n) = line.strip_prefix("-- name:") {
            name = n.trim().to_string();
            continue;
        }
        if line.starts_with("--") || (sql.is_empty() && line.trim().is_empty()) {
            continue;
        }
        sql.push_str(line);
        sql.push('\n');
        if line.trim_end().ends_with(';') {
            println!("{name}");
            for step in plan(&conn, &sql)? {
                println!("    {step}");
            }
            println!();
            sql.clear();
        }
    }
    Ok(())
}

/// The plan's steps, indented by depth as the sqlite3 shell shows them.
fn plan(conn: &rusqlite::Connection, sql: &str) -> Result<Vec<String>, String> {
    let mut stmt = conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .map_err(|e| format!("{e}: {sql}"))?;
    // Plans don't depend on the values; every parameter is NULL.
    let nulls = vec![rusqlite::types::Null; stmt.parameter_count()];
    let rows: Vec<(i64, i64, String)> = stmt
        .query_map(rusqlite::params_from_iter(nulls), |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(3)?))
        })
        .map_err(|e| e.to_string())?
        .collect::<rusqlite::Result<_>>()
        .map_err(|e| e.to_string())?;
    let mut depth: Vec<(i64, usize)> = Vec::new();
    Ok(rows
        .into_iter()
        .map(|(id, parent, detail)| {
            let level = depth
                .iter()
                .find(|(node, _)| *node == parent)
                .map_or(0, |(_, level)| level + 1);
            depth.push((id, level));
            format!("{}{detail}", "  ".repeat(level))
        })
        .collect())
}
