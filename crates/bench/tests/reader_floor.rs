//! Reader mode's accuracy on trafilatura's 990 labelled pages may not fall below what it has
//! reached (issue 17's floor; its target is F1 0.94 with precision and recall 0.92 each). The
//! scores are counts of snippets found, so they do not depend on the machine; the speed the
//! benchmark prints is not asserted here.

use std::process::Command;

/// Raised as reader mode improves; never lowered to let a change through.
const FLOOR_F1: f64 = 0.911;
const FLOOR_PRECISION: f64 = 0.896;
const FLOOR_RECALL: f64 = 0.924;
/// Pages that hold an article but are refused (the set has none that hold no article).
const MOST_REFUSED: u64 = 1;
/// What tuning on four fifths of the pages may gain over the fifth held back.
const MOST_TUNING_GAIN: f64 = 0.02;

#[test]
fn reader_mode_holds_its_floor_on_990_real_pages() {
    let output = Command::new(env!("CARGO_BIN_EXE_tidings-bench"))
        .args(["reader", "--json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let all = &report["all"];
    let score = |part: &serde_json::Value, name: &str| part[name].as_f64().unwrap();
    assert!(score(all, "f1") >= FLOOR_F1, "{report}");
    assert!(score(all, "precision") >= FLOOR_PRECISION, "{report}");
    assert!(score(all, "recall") >= FLOOR_RECALL, "{report}");
    assert!(all["failed"].as_u64().unwrap() <= MOST_REFUSED, "{report}");
    let gain = score(&report["tuning"], "f1") - score(&report["held_back"], "f1");
    assert!(gain < MOST_TUNING_GAIN, "{report}");
}
