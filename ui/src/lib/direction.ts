// Which way an article's text runs. A feed that says its language is written right to left
// (Arabic, Hebrew, Persian, Urdu…) sets it; otherwise the text decides, by its first letter
// (`dir="auto"`), so that a right-to-left title in a left-to-right list still reads right.

/** Languages written right to left, by their primary subtag. */
const RTL_LANGUAGES = new Set(["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ku", "ps", "sd", "syr", "ug", "ur", "yi"]);
/** Scripts written right to left, by their ISO 15924 code (a tag's script subtag). */
const RTL_SCRIPTS = new Set(["arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg"]);

/** The `dir` of text in `language` (a BCP 47 tag, or `null` when the feed does not say). */
export function directionOf(language: string | null): "rtl" | "auto" {
  if (!language) return "auto";
  const [primary, ...rest] = language.toLowerCase().split("-");
  const script = rest.find((subtag) => subtag.length === 4);
  if (script !== undefined) return RTL_SCRIPTS.has(script) ? "rtl" : "auto";
  return RTL_LANGUAGES.has(primary) ? "rtl" : "auto";
}
