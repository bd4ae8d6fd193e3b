use super::*;

#[test]
fn expect_lines_parse_into_expressions() {
    let e = parse(r#"not bozo and entries[0]['title'] == u'a\'b' + "c\u00e9""#).unwrap();
    let Expr::And(terms) = e else { panic!("{e:?}") };
    assert_eq!(terms.len(), 2);
    assert!(
        matches!(&terms[1], Expr::Compare(_, rest) if rest[0].1 == Expr::Add(
        Box::new(Expr::Str("a'b".into())), Box::new(Expr::Str("cé".into()))))
    );
    let t = parse("x_parsed == (2003, 12, 31, 10, 14, 55, 2, 365, 0)").unwrap();
    assert!(
        matches!(t, Expr::Compare(_, rest) if matches!(&rest[0].1, Expr::Tuple(v) if v.len() == 9))
    );
    assert!(parse("a == b == '''x'y'''").is_ok());
    assert!(parse("{'href': 'h', 'length': '2'}").is_ok());
}
