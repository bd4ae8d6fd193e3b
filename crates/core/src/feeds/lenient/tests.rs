use super::*;

fn rewritten(input: &str) -> String {
    String::from_utf8(rewrite(input.as_bytes(), &mut Dialect::default())).unwrap()
}

/// Whether quick-xml, the reader feed-rs uses, reads the document to its end without an error.
fn is_well_formed(xml: &str) -> bool {
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => return true,
            Ok(_) => {}
            Err(_) => return false,
        }
    }
}

#[test]
fn bare_ampersands_and_angle_brackets_in_text_are_escaped() {
    let out = rewritten("<t>Fish & Chips &amp; a < b &#38; <3 &</t>");
    assert_eq!(
        out,
        "<t>Fish &amp; Chips &amp; a &lt; b &#38; &lt;3 &amp;</t>"
    );
    assert!(is_well_formed(&out));
}

#[test]
fn html_entities_are_kept_for_the_html_they_land_in() {
    // quick-xml passes an entity it does not know through as text, and the HTML sanitizer (or
    // the title's plain-text reading) defines it.
    let out = rewritten("<t>caf&eacute;&nbsp;&hellip; &#X41; &#146;</t>");
    assert_eq!(out, "<t>caf&eacute;&nbsp;&hellip; &#65; &#8217;</t>");
    assert!(is_well_formed(&out));
}

#[test]
fn entities_declared_in_the_doctype_are_expanded() {
    let out = rewritten(
        "<!DOCTYPE doc [<!ENTITY id \"tag:example.com,\"><!ENTITY % skip SYSTEM \"x\">]>\
         <doc><guid>&id;2006:1</guid></doc>",
    );
    assert_eq!(out, "<doc><guid>tag:example.com,2006:1</guid></doc>");
}

#[test]
fn attributes_are_quoted_deduplicated_and_escaped() {
    let out = rewritten(r#"<a href=http://x/?a=1&b=2 href="y" title='say "hi"' checked>t</a>"#);
    assert_eq!(
        out,
        r#"<a href="http://x/?a=1&amp;b=2" title="say &quot;hi&quot;" checked="checked">t</a>"#
    );
    assert!(is_well_formed(&out));
}

#[test]
fn end_tags_close_up_to_their_element_and_strays_are_dropped() {
    let out = rewritten("<doc><item><title>a</item><item><b>x</i></b></item></doc></extra>");
    assert_eq!(
        out,
        "<doc><item><title>a</title></item><item><b>x</b></item></doc>"
    );
}

#[test]
fn text_and_markup_outside_the_root_are_dropped() {
    let out = rewritten(
        "Warning: headers already sent\n<?xml version=\"1.0\"?>\n<!-- c --><doc>x</doc>trailing<b>junk</b>",
    );
    assert_eq!(out, "<?xml version=\"1.0\"?><doc>x</doc>");
    let declared = rewritten("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><doc/>");
    assert_eq!(
        declared,
        "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><doc></doc>"
    );
}

#[test]
fn a_truncated_document_loses_the_cut_item_and_is_closed() {
    let out =
        rewritten("<doc><channel><title>T</title><item><title>a</title></item><item><title>b</ti");
    assert_eq!(
        out,
        "<doc><channel><title>T</title><item><title>a</title></item></channel></doc>"
    );
    let in_cdata = rewritten("<doc><entry><id>1</id></entry><entry><content><![CDATA[<p>cut");
    assert_eq!(in_cdata, "<doc><entry><id>1</id></entry></doc>");
}

#[test]
fn cdata_is_kept_and_control_characters_dropped() {
    let out = rewritten("<t><![CDATA[<p>a & b</p>]]>\u{1}\u{b}ok\t</t>");
    assert_eq!(out, "<t><![CDATA[<p>a & b</p>]]>ok\t</t>");
}

#[test]
fn base64_bodies_are_decoded_as_text() {
    let out = rewritten(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>\
         <summary type=\"application/octet-stream\">PGI+aGk8L2I+</summary></entry></feed>",
    );
    assert!(
        out.contains("<summary type=\"html\">&lt;b>hi&lt;/b></summary>"),
        "{out}"
    );
}

#[test]
fn an_unclosed_description_is_not_read_as_markup() {
    // Reading `<title>a` as markup to the next `</title>` would swallow the items between.
    let out = rewritten(
        "<rss version=\"2.0\"><channel><item><title>a</item><item><title>b</title></item></channel></rss>",
    );
    assert!(out.contains("<title>a</title></item><item>"), "{out}");
}

#[test]
fn xhtml_bodies_in_rss_items_become_escaped_content() {
    let out = rewritten(
        "<rss version=\"2.0\"><channel><item><xhtml:body xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\
         <p>a &amp; <b>b</b></p></xhtml:body></item></channel></rss>",
    );
    assert!(
        out.contains("<content:encoded>&lt;p>a &amp;amp; &lt;b>b&lt;/b>&lt;/p></content:encoded>"),
        "{out}"
    );
    assert!(is_well_formed(&out));
}
