// Rendered with Svelte's server renderer: the dialog's words, without a window.
import { render } from "svelte/server";
import { describe, expect, it } from "vitest";
import ImportReportDialog from "./ImportReportDialog.svelte";

function text(html: string): string {
  return html.replace(/<!--.*?-->/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
}

describe("the OPML import report dialog", () => {
  it("says what was added and what was already there", () => {
    const { body } = render(ImportReportDialog, {
      props: { report: { added: 12, alreadySubscribed: 3, rejected: [] }, onclose: () => {} },
    });
    expect(text(body)).toContain("12 feeds added, 3 already subscribed.");
    expect(text(body)).toContain("The new feeds are being fetched now.");
    expect(body).not.toContain("Not imported");
  });

  it("lists each refused entry with its reason, and a note about the file apart", () => {
    const { body } = render(ImportReportDialog, {
      props: {
        report: {
          added: 0,
          alreadySubscribed: 5,
          rejected: [
            { title: "Old blog", url: "ftp://example.com/feed", reason: "not a web address" },
            { title: "", url: "", reason: "the file is damaged at line 40" },
          ],
        },
        onclose: () => {},
      },
    });
    const words = text(body);
    expect(words).toContain("0 feeds added, 5 already subscribed.");
    expect(words).not.toContain("being fetched");
    expect(words).toMatch(/Not imported Old blog ftp:\/\/example\.com\/feed not a web address/);
    expect(body).toMatch(/<p class="note[^"]*" role="note">the file is damaged at line 40<\/p>/);
    // The note is not listed as a refused entry.
    expect(body.match(/<li/g)).toHaveLength(1);
  });
});
