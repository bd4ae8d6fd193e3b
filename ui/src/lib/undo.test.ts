import { describe, expect, it } from "vitest";
import { folderBackText, folderDeletedText, KEPT, markedText, unmarkedText, UndoStack, type Undoable } from "./undo";

const action = (token: number): Undoable => ({ token, undone: `Undid ${token}.` });

describe("the actions that can be undone", () => {
  it("gives the newest first, each once", () => {
    const stack = new UndoStack();
    const [one, two] = [action(1), action(2)];
    stack.push(one);
    stack.push(two);
    expect(stack.pop()).toBe(two);
    expect(stack.pop()).toBe(one);
    expect(stack.pop()).toBeUndefined();
  });

  it("forgets an action undone by its own toast", () => {
    const stack = new UndoStack();
    const [one, two] = [action(1), action(2)];
    stack.push(one);
    stack.push(two);
    expect(stack.take(two)).toBe(true);
    expect(stack.take(two)).toBe(false);
    expect(stack.pop()).toBe(one);
  });

  it("keeps as many as the backend can undo", () => {
    const stack = new UndoStack();
    for (let token = 1; token <= KEPT + 3; token++) stack.push(action(token));
    const tokens: number[] = [];
    for (let entry = stack.pop(); entry; entry = stack.pop()) tokens.push(entry.token);
    expect(tokens).toHaveLength(KEPT);
    expect(tokens[0]).toBe(KEPT + 3);
  });
});

describe("what undoable actions say", () => {
  it("counts the articles marked", () => {
    expect(markedText(1)).toBe("Marked 1 article read.");
    expect(unmarkedText(5)).toBe("Marked 5 articles unread again.");
  });

  it("says where a deleted folder's feeds went, and that they came back", () => {
    expect(folderDeletedText("News", 0)).toBe("Deleted the folder News.");
    expect(folderDeletedText("News", 1)).toBe("Deleted the folder News. Its feed is kept, outside any folder.");
    expect(folderDeletedText("News", 3)).toBe("Deleted the folder News. Its 3 feeds are kept, outside any folder.");
    expect(folderBackText("News", 0)).toBe("The folder News is back.");
    expect(folderBackText("News", 1)).toBe("The folder News is back, with its feed.");
    expect(folderBackText("News", 3)).toBe("The folder News is back, with its 3 feeds.");
  });
});
