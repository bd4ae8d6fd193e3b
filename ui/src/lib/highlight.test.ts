import { describe, expect, it } from "vitest";
import { markedSegments, unescapeText } from "./highlight";

describe("highlighted search results", () => {
  it("splits marked words from the rest", () => {
    expect(markedSegments("The <mark>storm</mark> hits <mark>Oslo</mark>")).toEqual([
      { text: "The ", marked: false },
      { text: "storm", marked: true },
      { text: " hits ", marked: false },
      { text: "Oslo", marked: true },
    ]);
  });

  it("gives back the characters the backend escaped, as text", () => {
    expect(markedSegments("Tom &amp; Jerry &lt;3 &quot;cats&quot; &#39;n&#39; <mark>dogs&#x21;</mark>")).toEqual([
      { text: "Tom & Jerry <3 \"cats\" 'n' ", marked: false },
      { text: "dogs!", marked: true },
    ]);
  });

  it("keeps any other markup as plain text", () => {
    const segments = markedSegments('<img src=x onerror="alert(1)"><mark><script>x</script></mark>');
    expect(segments).toEqual([
      { text: '<img src=x onerror="alert(1)">', marked: false },
      { text: "<script>x</script>", marked: true },
    ]);
    // An escaped <mark> is text someone wrote, not a highlight.
    expect(markedSegments("&lt;mark&gt;no&lt;/mark&gt;")).toEqual([{ text: "<mark>no</mark>", marked: false }]);
  });

  it("leaves unknown or broken references alone", () => {
    expect(unescapeText("&bogus; &#0; &#xZZ; a&b")).toBe("&bogus; &#0; &#xZZ; a&b");
  });

  it("is empty for an empty string", () => {
    expect(markedSegments("")).toEqual([]);
  });
});
