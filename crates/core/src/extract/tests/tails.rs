use super::remove;

const STORY: &str = "<p>Die Gemeinde hat am Dienstag beschlossen, die alte Brücke über den Fluss \
    zu erneuern, nachdem Gutachter schwere Schäden an den Pfeilern gefunden hatten.</p>";

fn text_after_removal(html: &str) -> String {
    crate::extract::tests::text_after(remove, html)
}

#[test]
fn a_section_of_other_stories_under_its_heading_goes() {
    let text = text_after_removal(&format!(
        "<article>{STORY}<div><h3>Das könnte dich auch interessieren:</h3></div>\
         <ul><li><a href=/a>Neue Radwege</a></li><li><a href=/b>Markt am Samstag</a></li></ul>\
         <p><a href=/c>Alle Nachrichten aus der Region</a></p></article>"
    ));
    assert!(text.contains("alte Brücke"), "{text}");
    for gone in ["interessieren", "Radwege", "Markt", "Alle Nachrichten"] {
        assert!(!text.contains(gone), "{gone} in {text}");
    }
}

#[test]
fn headings_over_the_site_s_other_stories_in_german_go() {
    for heading in [
        "Zum Weiterlesen",
        "Meistdiskutierte Artikel",
        "Entdecke weitere Homestorys",
    ] {
        let text = text_after_removal(&format!(
            "<article>{STORY}<h2>{heading}</h2><ul><li><a href=/a>Neue Radwege</a></li>\
             <li><a href=/b>Markt am Samstag</a></li></ul></article>"
        ));
        assert!(text.contains("alte Brücke"), "{text}");
        assert!(!text.contains("Radwege"), "{heading}: {text}");
    }
}

#[test]
fn text_after_such_a_heading_stays_and_so_do_words_inside_a_paragraph() {
    let text = text_after_removal(&format!(
        "<article>{STORY}<h2>Comments</h2>{STORY}\
         <p>The council's <strong>related</strong> plans were also discussed.</p>\
         <h2>Related to the bridge: what the engineers found</h2>{STORY}</article>"
    ));
    assert!(!text.contains("Comments"), "{text}");
    assert_eq!(text.matches("alte Brücke").count(), 3, "{text}");
    assert!(text.contains("related plans"), "{text}");
    assert!(text.contains("Related to the bridge"), "{text}");
}
