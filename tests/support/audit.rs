//! An accessibility audit inside the app's own webview: axe-core (from the UI's development
//! packages, never shipped) run on what the window shows, as a screen reader user would meet it.

use super::App;

/// axe-core's serious and critical violations on the screen as it is: one line each, with the
/// elements at fault.
pub async fn serious_violations(app: &App) -> Vec<String> {
    let axe = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/ui/node_modules/axe-core/axe.min.js"
    ))
    .expect("axe-core is installed with the UI's packages (npm ci --prefix ui)");
    app.client
        .execute(&format!("{axe}\nreturn typeof axe;"), vec![])
        .await
        .unwrap();
    let found = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] }).then((results) => done(
               results.violations
                 .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                 .map((v) => `${v.impact} ${v.id}: ${v.help} — ` +
                   v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} (${n.failureSummary})`).join(' | '))
             ), (error) => done([`axe failed: ${error}`]));",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(found).unwrap()
}
