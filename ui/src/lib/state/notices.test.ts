import { describe, expect, it } from "vitest";
import { FAILED, Notices } from "./notices.svelte";

describe("a command sent with attempt", () => {
  it("answers what the command answered, and says nothing", async () => {
    const notices = new Notices();
    expect(await notices.attempt(Promise.resolve(3))).toBe(3);
    expect(notices.current).toBeNull();
  });

  it("answers FAILED when it failed, and says why in a toast", async () => {
    const notices = new Notices();
    const answer = await notices.attempt(Promise.reject({ message: "The library is busy; try again." }));
    expect(answer).toBe(FAILED);
    expect(notices.current).toEqual({ text: "The library is busy; try again." });
  });
});

describe("undo", () => {
  it("is offered in the action's toast", () => {
    const notices = new Notices();
    notices.offerUndo("Marked 2 articles read.", 7, "Marked 2 articles unread again.", () => Promise.resolve());
    expect(notices.current?.text).toBe("Marked 2 articles read.");
    expect(notices.current?.action?.label).toBe("Undo");
  });

  it("says so when nothing is left to undo", async () => {
    const notices = new Notices();
    await notices.undoLast();
    expect(notices.current).toEqual({ text: "Nothing to undo." });
  });
});
