//! The scale benchmark runs end to end at a small size and reports every case. Times are not
//! asserted: they are measured by running the benchmark, not in tests.

use std::process::Command;

#[test]
fn a_small_scale_run_reports_every_case() {
    let cache = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_tidings-bench"))
        .args([
            "--articles",
            "3000",
            "--feeds",
            "30",
            "--refresh-feeds",
            "5",
        ])
        .args([
            "--refresh-runs",
            "1",
            "--repeat",
            "2",
            "--json",
            "--cache-dir",
        ])
        .arg(cache.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    for case in [
        "unread_counts_feeds_and_folders",
        "view_counts",
        "first_page_feed",
        "first_page_all_unread",
        "first_page_bookmarks",
        "page_at_depth",
        "search_top50_median_of_queries",
        "mark_all_read_big_view",
        "retention_pass_one_day_due",
        "refresh_into_empty_db",
        "refresh_into_big_db",
        "refresh_big_over_empty",
        "db_bytes_per_article",
    ] {
        assert!(
            report[case].as_f64().is_some_and(|v| v > 0.0),
            "{case} in {report}"
        );
    }
    assert_eq!(report["articles"], 3000);

    // A second run reuses the filled database.
    let again = Command::new(env!("CARGO_BIN_EXE_tidings-bench"))
        .args([
            "scale",
            "--articles",
            "3000",
            "--feeds",
            "30",
            "--refresh-feeds",
            "0",
        ])
        .args(["--repeat", "1", "--cache-dir"])
        .arg(cache.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(again.status.success(), "{stderr}");
    assert!(!stderr.contains("filling"), "{stderr}");
    assert!(String::from_utf8_lossy(&again.stdout).contains("page_at_depth"));
}
