use super::*;

#[test]
fn decodes_padded_unpadded_and_wrapped_base64() {
    assert_eq!(
        decode_text(b"  RXhhbXBsZSA8Yj5BdG9tPC9iPg==\n").as_deref(),
        Some("Example <b>Atom</b>")
    );
    assert_eq!(decode_text(b"YWI").as_deref(), Some("ab"));
    assert_eq!(decode_text(b"not base64!"), None);
}
