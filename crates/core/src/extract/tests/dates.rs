use super::*;

/// 2024-06-25T00:00:00Z
const JUNE_25_2024: i64 = 1_719_273_600;

#[test]
fn date_lines_people_read() {
    for line in [
        "Tuesday, June 25, 2024",
        "June 25, 2024",
        "25 June 2024",
        "Jun. 25, 2024 at 8:00 a.m.",
        "Published 25th June 2024 | 08:00",
        "Updated: Tue 25 Jun 2024",
    ] {
        assert_eq!(parse_human(line), Some(JUNE_25_2024), "{line}");
    }
    for line in [
        "Junk 25 2024",
        "June 31, 2024",
        "May 2024",
        "Page 25 of 2024",
    ] {
        assert_eq!(parse_human(line), None, "{line}");
    }
}

#[test]
fn date_lines_in_other_languages() {
    for line in [
        "Dienstag, 25. Juni 2024",
        "Veröffentlicht am 25.06.2024 um 08:00 Uhr",
        "25 juin 2024",
        "Publié le 25 juin 2024 à 8 h",
        "25 de junio de 2024",
        "25 czerwca 2024",
        "25. juni 2024",
        "25 giugno 2024",
    ] {
        assert_eq!(parse_human(line), Some(JUNE_25_2024), "{line}");
        assert!(is_date_line(line), "{line}");
    }
    // March in French is no planet here, and a sentence with a date is no date line.
    assert!(parse_human("le 3 mars 2024").is_some());
    assert!(!is_date_line(
        "Die Sitzung am 25.06.2024 beschloss den Haushalt"
    ));
    for line in [
        "06/25/2024",
        "25.13.2024",
        "1.2.3.2024",
        "Version 2.10.2024x",
    ] {
        assert_eq!(parse_human(line), None, "{line}");
    }
}

#[test]
fn machine_dates() {
    let eight_utc = JUNE_25_2024 + 8 * 3600;
    for value in [
        "2024-06-25T08:00:00Z",
        "2024-06-25T10:00:00+02:00",
        "2024-06-25T03:00:00.123-0500",
        "2024-06-25 08:00:00",
        "Tue, 25 Jun 2024 08:00:00 GMT",
        "25 Jun 2024 04:00:00 EDT",
    ] {
        assert_eq!(parse_machine(value), Some(eight_utc), "{value}");
    }
    assert_eq!(parse_machine("2024-06-25"), Some(JUNE_25_2024));
    assert_eq!(parse_machine("2024-13-01"), None);
    assert_eq!(parse_machine("yesterday"), None);
}

#[test]
fn calendar_arithmetic() {
    assert_eq!(days_from_civil(1970, 1, 1), Some(0));
    assert_eq!(days_from_civil(2000, 2, 29), Some(11_016));
    assert_eq!(days_from_civil(2023, 2, 29), None);
}

#[test]
fn a_day_typed_on_a_command_line_starts_at_midnight_utc() {
    assert_eq!(super::day_start("2026-12-01"), Some(1_796_083_200));
    assert_eq!(super::day_start(" 2024-02-29 "), Some(1_709_164_800));
    for not_a_day in [
        "2023-02-29",
        "2026-13-01",
        "2026-12-01T10:00:00Z",
        "yesterday",
        "",
    ] {
        assert_eq!(super::day_start(not_a_day), None, "{not_a_day:?}");
    }
}
