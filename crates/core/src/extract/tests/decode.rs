use super::*;

fn decode(bytes: &[u8]) -> String {
    page_text(bytes).expect("decodes").into_owned()
}

#[test]
fn honours_meta_charset_and_content_type() {
    let latin = b"<meta charset=\"iso-8859-1\"><p>caf\xe9</p>";
    assert!(decode(latin).contains("café"));
    let http_equiv =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xcf\xf0\xe8</p>";
    assert!(decode(http_equiv).contains("При"));
}

#[test]
fn byte_order_marks_win() {
    let mut utf16 = vec![0xff, 0xfe];
    for unit in "<p>Grüße</p>".encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    assert!(decode(&utf16).contains("Grüße"));
    assert!(decode(b"\xef\xbb\xbf<p>\xe2\x80\x9cquoted\xe2\x80\x9d</p>").contains("“quoted”"));
}

#[test]
fn undeclared_or_mislabelled_legacy_bytes_read_as_windows_1252() {
    assert!(decode(b"<p>It\x92s \x93smart\x94</p>").contains("It’s “smart”"));
    let mislabelled = b"<meta charset=utf-8><p>na\xefve caf\xe9</p>";
    assert!(decode(mislabelled).contains("naïve café"));
}

#[test]
fn binary_is_refused() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\0\xb4\x08\x02\0\0\0";
    let err = page_text(png).expect_err("binary");
    assert!(err.to_string().contains("binary"), "{err}");
}
