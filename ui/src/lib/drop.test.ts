import { describe, expect, it } from "vitest";
import { droppedUrl, firstWebUrl, mayHoldLink, type DropData } from "./drop";

const drop = (data: Record<string, string>): DropData => ({
  types: Object.keys(data),
  getData: (type) => data[type] ?? "",
});

describe("a link dropped on the window", () => {
  it("is read from a URI list, skipping comments and other schemes", () => {
    expect(droppedUrl(drop({ "text/uri-list": "https://news.example/story.html" }))).toBe("https://news.example/story.html");
    expect(droppedUrl(drop({
      "text/uri-list": "# dragged from a browser\r\nfile:///home/me/notes.txt\r\nhttps://news.example/a\r\nhttps://news.example/b\r\n",
    }))).toBe("https://news.example/a");
  });

  it("falls back to plain text that is nothing but an address", () => {
    expect(droppedUrl(drop({ "text/plain": "  http://127.0.0.1:8080/world/story.html\n" }))).toBe("http://127.0.0.1:8080/world/story.html");
    expect(droppedUrl(drop({ "text/uri-list": "file:///tmp/a.html", "text/plain": "https://news.example/" }))).toBe("https://news.example/");
  });

  it("ignores words, files, and addresses that are not web pages", () => {
    expect(droppedUrl(drop({ "text/plain": "read https://news.example/ later" }))).toBeNull();
    expect(droppedUrl(drop({ "text/plain": "just some words" }))).toBeNull();
    expect(droppedUrl(drop({ "text/plain": "javascript:alert(1)" }))).toBeNull();
    expect(droppedUrl(drop({ "text/uri-list": "file:///home/me/photo.jpg", Files: "" }))).toBeNull();
    expect(droppedUrl(drop({ "text/html": "<a href='https://news.example/'>x</a>" }))).toBeNull();
    expect(droppedUrl(drop({}))).toBeNull();
  });

  it("normalises the address", () => {
    expect(droppedUrl(drop({ "text/plain": "HTTPS://News.Example/a%20b#top" }))).toBe("https://news.example/a%20b#top");
  });

  it("is offered while dragging links or text, not files", () => {
    expect(mayHoldLink(["text/uri-list", "text/plain", "text/html"])).toBe(true);
    expect(mayHoldLink(["text/plain"])).toBe(true);
    expect(mayHoldLink(["Files", "text/uri-list"])).toBe(false);
    expect(mayHoldLink(["text/html"])).toBe(false);
  });

  it("is found among the URIs the window itself took", () => {
    expect(firstWebUrl(["/home/me/photo.jpg", "https://news.example/story"])).toBe("https://news.example/story");
    expect(firstWebUrl(["/home/me/photo.jpg"])).toBeNull();
    expect(firstWebUrl([])).toBeNull();
  });
});
