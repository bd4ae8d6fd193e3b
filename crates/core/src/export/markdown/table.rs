//! Tables, as GFM writes them.

use scraper::ElementRef;

use super::blocks::Block;
use super::inline::Inline;

/// A GFM table. GFM has no table without a header, so the first row is the header.
pub(super) fn table(element: ElementRef, out: &mut Vec<Block>) {
    let mut rows = Vec::new();
    let mut caption = None;
    collect_rows(element, &mut rows, &mut caption);
    if let Some(caption) = caption.filter(|c| !c.is_empty()) {
        out.push(Block::paragraph(caption));
    }
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    if columns == 0 {
        return;
    }
    let line = |cells: &[String]| {
        let mut line = String::from("|");
        for column in 0..columns {
            let cell = cells.get(column).map(String::as_str).unwrap_or_default();
            line.push_str(&format!(" {cell} |"));
        }
        line
    };
    let mut lines = vec![line(&rows[0]), format!("|{}", " --- |".repeat(columns))];
    lines.extend(rows[1..].iter().map(|row| line(row)));
    out.push(Block::other(lines.join("\n")));
}

fn collect_rows(element: ElementRef, rows: &mut Vec<Vec<String>>, caption: &mut Option<String>) {
    for child in element.children().filter_map(ElementRef::wrap) {
        match child.value().name() {
            "tr" => rows.push(cells(child)),
            "thead" | "tbody" | "tfoot" => collect_rows(child, rows, caption),
            "caption" => *caption = Some(Inline::flat_text(child)),
            _ => {}
        }
    }
}

fn cells(row: ElementRef) -> Vec<String> {
    let mut cells = Vec::new();
    for cell in row
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|c| matches!(c.value().name(), "td" | "th"))
    {
        cells.push(Inline::flat_text(cell).replace('|', "\\|"));
        let span = cell
            .value()
            .attr("colspan")
            .and_then(|s| s.trim().parse::<usize>().ok());
        // A spanning cell keeps the columns after it in place; a silly span is not honoured.
        for _ in 1..span.unwrap_or(1).clamp(1, 64) {
            cells.push(String::new());
        }
    }
    cells
}
