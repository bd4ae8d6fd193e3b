use super::*;

#[test]
fn windows_1252_bytes_in_a_utf8_document_are_read_as_windows_1252() {
    let doc = b"<?xml version='1.0' encoding='UTF-8'?><t>caf\xe9 \x93\xe2\x80\x9cq\x94</t>";
    let readable = to_readable(doc);
    assert_eq!(
        std::str::from_utf8(&readable).unwrap(),
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><t>café ““q”</t>"
    );
}

#[test]
fn valid_utf8_and_other_declared_charsets_are_left_alone() {
    let utf8 = "<t>café</t>".as_bytes();
    assert!(matches!(to_readable(utf8), Cow::Borrowed(b) if b == utf8));
    let latin1 = b"<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><t>caf\xe9</t>";
    assert!(matches!(to_readable(latin1), Cow::Borrowed(b) if b == latin1));
}

#[test]
fn a_long_declaration_of_another_charset_is_shortened() {
    let doc = b"\n\n\n\n<?xml version=\"1.0\"   encoding=\"windows-1252\"   standalone=\"yes\" ?><t>\xe9</t>";
    assert_eq!(
        &*prepare(doc),
        b"<?xml version=\"1.0\" encoding=\"windows-1252\"?><t>\xe9</t>"
    );
    let short = b"<?xml version=\"1.0\" encoding=\"windows-1252\"?><t>\xe9</t>";
    assert!(matches!(prepare(short), Cow::Borrowed(_)));
}

#[test]
fn utf16_and_utf32_become_utf8() {
    let text = "<?xml version=\"1.0\" encoding=\"utf-16\"?><t>é</t>";
    let mut le: Vec<u8> = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let utf32: Vec<u8> = text
        .chars()
        .flat_map(|c| u32::from(c).to_le_bytes())
        .collect();
    for bytes in [le, be, utf32] {
        assert_eq!(
            std::str::from_utf8(&to_readable(&bytes)).unwrap(),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><t>é</t>"
        );
    }
}

#[test]
fn declarations_past_the_first_are_removed_outside_cdata_and_comments() {
    let glued = b"<?xml version=\"1.0\"?><rss><a>x<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>y</a>\
            <b><![CDATA[<?xml version=\"1.0\"?>]]></b><!-- <?xml version=\"1.0\"?> --><?xml-stylesheet href=\"s\"?></rss>";
    let prepared = prepare(glued);
    assert_eq!(
        std::str::from_utf8(&prepared).unwrap(),
        "<?xml version=\"1.0\"?><rss><a>xy</a>\
            <b><![CDATA[<?xml version=\"1.0\"?>]]></b><!-- <?xml version=\"1.0\"?> --><?xml-stylesheet href=\"s\"?></rss>"
    );
    let single = b"<?xml version=\"1.0\"?><rss/>";
    assert!(matches!(prepare(single), Cow::Borrowed(_)));
}
