import { describe, expect, it } from "vitest";
import {
  articleNote, attachment, canReadInFull, fileSize, inArticleTargets, leadImageToShow, mediaKind, missingPictureText,
  offerToLoadImages, readingTime,
} from "./reader";

describe("the byline's reading time", () => {
  it("says how many minutes, at least one", () => {
    expect(readingTime(4)).toBe("4 min read");
    expect(readingTime(0)).toBe("1 min read");
    expect(readingTime(12.4)).toBe("12 min read");
  });

  it("says nothing when unknown", () => {
    expect(readingTime(null)).toBeNull();
    expect(readingTime(Number.NaN)).toBeNull();
  });
});

describe("attachments", () => {
  it("sizes files in decimal units", () => {
    expect(fileSize(512)).toBe("512 bytes");
    expect(fileSize(820_000)).toBe("820 KB");
    expect(fileSize(3_210_000)).toBe("3.2 MB");
    expect(fileSize(24_400_000)).toBe("24 MB");
    expect(fileSize(999_900)).toBe("1.0 MB");
    expect(fileSize(1_500_000_000)).toBe("1.5 GB");
    expect(fileSize(null)).toBeNull();
    expect(fileSize(0)).toBeNull();
  });

  it("names media types as people know them", () => {
    expect(mediaKind("audio/mpeg")).toBe("MP3 audio");
    expect(mediaKind("Video/MP4; codecs=avc1")).toBe("MP4 video");
    expect(mediaKind("application/pdf")).toBe("PDF");
    expect(mediaKind("audio/x-unknown")).toBe("Audio");
    expect(mediaKind("application/octet-stream")).toBe("File");
    expect(mediaKind(null)).toBe("File");
  });

  it("describes each with its file name, type and size", () => {
    expect(attachment({ url: "https://cdn.example/shows/episode%2012.mp3?x=1", mimeType: "audio/mpeg", length: 24_400_000 }))
      .toEqual({ url: "https://cdn.example/shows/episode%2012.mp3?x=1", name: "episode 12.mp3", details: "MP3 audio · 24 MB" });
    expect(attachment({ url: "https://cdn.example/", mimeType: null, length: null }))
      .toEqual({ url: "https://cdn.example/", name: "cdn.example", details: "File" });
  });
});

describe("notes about the article's page", () => {
  it("explains a page saved as a link, calmly and with one full stop", () => {
    expect(articleNote({ extractError: "the page holds no article.", contentHtml: "" })).toEqual({
      kind: "linkOnly", text: "Tidings couldn't read this page: the page holds no article.",
    });
    expect(articleNote({ extractError: "the server answered 404 Not Found", contentHtml: "<p> </p>" })?.kind).toBe("linkOnly");
  });

  it("says a page is being read, or will be once the network is back", () => {
    expect(articleNote({ extractError: "could not connect to the server", contentHtml: "", pagePending: "waitingForNetwork" }))
      .toEqual({ kind: "linkOnly", text: "Tidings will read this page when you are back online." });
    expect(articleNote({ extractError: null, contentHtml: "<p>The summary.</p>", pagePending: "working" }))
      .toEqual({ kind: "summary", text: "Reading the full article…", offerBrowser: false });
    expect(articleNote({ extractError: null, contentHtml: "<p>The summary.</p>", pagePending: "waitingForNetwork" })?.text)
      .toBe("The full article will be read when you are back online. Showing the feed's summary.");
    expect(articleNote({ extractError: null, contentHtml: "<p>The summary.</p>", pagePending: null })).toBeNull();
  });

  it("says a saved page was read only in part, and why", () => {
    expect(articleNote({
      extractError: "the rest of the article is for the site's subscribers",
      contentHtml: "<p>The first paragraph.</p>",
      feedId: null,
    })).toEqual({
      kind: "partial",
      text: "Only part of this article could be read: the rest of the article is for the site's subscribers. The page has the rest.",
    });
  });

  it("says the feed's summary is shown when reading in full failed", () => {
    expect(articleNote({ extractError: "could not connect to the server", contentHtml: "<p>The summary.</p>" })).toEqual({
      kind: "summary",
      text: "Couldn't read the full article: could not connect to the server. Showing the feed's summary.",
      offerBrowser: true,
    });
    expect(articleNote({ extractError: "x", contentHtml: "<img src='a.png'>" })?.kind).toBe("summary");
  });

  it("says nothing when the page was read", () => {
    expect(articleNote({ extractError: null, contentHtml: "" })).toBeNull();
  });
});

describe("the lead picture", () => {
  const lead = "tidings://localhost/image?src=https%3A%2F%2Fa.example%2Fp.png&load=1";

  it("shows above the text unless the text holds it already", () => {
    expect(leadImageToShow({ leadImage: lead, contentHtml: "<p>Text</p>" })).toBe(lead);
    expect(leadImageToShow({ leadImage: lead, contentHtml: `<img src="${lead.replace("&", "&amp;")}">` })).toBeNull();
    expect(leadImageToShow({ leadImage: lead, contentHtml: `<img src="${lead}">` })).toBeNull();
    expect(leadImageToShow({ leadImage: null, contentHtml: "" })).toBeNull();
  });
});

describe("loading held-back images", () => {
  it("is offered only under the on-click setting, before the click, when a picture is missing", () => {
    expect(offerToLoadImages("onClick", false, 2)).toBe(true);
    expect(offerToLoadImages("onClick", true, 2)).toBe(false);
    expect(offerToLoadImages("onClick", false, 0)).toBe(false);
    expect(offerToLoadImages("always", false, 2)).toBe(false);
    expect(offerToLoadImages("never", false, 2)).toBe(false);
    expect(offerToLoadImages(undefined, false, 2)).toBe(false);
  });
});

describe("Load full text", () => {
  const article = { feedId: 1, url: "https://news.example/a.html", readingMinutes: null, pagePending: null };
  it("is offered for a feed's article not read in full", () => {
    expect(canReadInFull(article)).toBe(true);
  });
  it("is not offered once read, while being read, for saved pages or without a page", () => {
    expect(canReadInFull({ ...article, readingMinutes: 4 })).toBe(false);
    expect(canReadInFull({ ...article, pagePending: "working" })).toBe(false);
    expect(canReadInFull({ ...article, feedId: null })).toBe(false);
    expect(canReadInFull({ ...article, url: null })).toBe(false);
  });
});

describe("a picture that could not be shown", () => {
  it("says it is not available offline, or that the setting held it back", () => {
    expect(missingPictureText("always", false)).toBe("Picture not available offline");
    expect(missingPictureText(undefined, false)).toBe("Picture not available offline");
    expect(missingPictureText("onClick", false)).toBe("Picture not loaded: Load images above shows it");
    expect(missingPictureText("never", false)).toBe("Picture not kept offline, and Settings load no others");
    // Asked for and still missing: it is not to be had.
    expect(missingPictureText("onClick", true)).toBe("Picture not available offline");
  });
});

describe("links to a place in the article", () => {
  it("lead to the id the link names, as written and decoded", () => {
    expect(inArticleTargets("#from-page-fn1")).toEqual(["from-page-fn1"]);
    expect(inArticleTargets("#from-page-fu%C3%9Fnote")).toEqual(["from-page-fu%C3%9Fnote", "from-page-fußnote"]);
    expect(inArticleTargets("#from-page-100%")).toEqual(["from-page-100%"]);
  });

  it("are only links written as a fragment", () => {
    expect(inArticleTargets("https://news.example/story#fn1")).toEqual([]);
    expect(inArticleTargets("#")).toEqual([]);
    expect(inArticleTargets(null)).toEqual([]);
  });
});
