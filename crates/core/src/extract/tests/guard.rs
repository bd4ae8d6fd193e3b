use super::*;

#[test]
fn scripts_and_styles_go_but_json_ld_stays() {
    let page = r#"<head><STYLE>p{}</STYLE><script type="application/ld+json">{"a":1}</script></head>
<body><!-- <script> --><p>one</p><script>if (a<b) document.write("</div>")</script><p>two</p></body>"#;
    assert_eq!(
        without_scripts(page),
        r#"<head><script type="application/ld+json">{"a":1}</script></head>
<body><!-- <script> --><p>one</p><p>two</p></body>"#
    );
    assert_eq!(
        without_scripts("<p>a</p><script>unclosed"),
        "<p>a</p><script>unclosed"
    );
}

#[test]
fn depth_counts_only_tags_that_stay_open() {
    assert_eq!(estimated_depth("<div><div><p>a<p>b<br></div></div>"), 2);
    assert_eq!(estimated_depth("<ul><li>a<li>b<li>c</ul>"), 1);
    assert_eq!(
        estimated_depth("<script>if (a<b) { x = '<div><div><div>' }</script><div></div>"),
        1
    );
    assert_eq!(estimated_depth(&"<div>".repeat(100_000)), 100_000);
}
