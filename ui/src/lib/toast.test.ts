import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NOTICE_MS, ToastTimer } from "./toast";

describe("when a toast goes", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function timer(): { toast: ToastTimer; gone: () => boolean } {
    let expired = false;
    return { toast: new ToastTimer(() => (expired = true)), gone: () => expired };
  }

  it("goes by itself after its time", () => {
    const { toast, gone } = timer();
    toast.restart();
    vi.advanceTimersByTime(NOTICE_MS - 1);
    expect(gone()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(gone()).toBe(true);
  });

  it("stays while under the pointer or focused, then runs on from where it stopped", () => {
    const { toast, gone } = timer();
    toast.restart();
    vi.advanceTimersByTime(NOTICE_MS - 100);
    toast.hold("pointer");
    toast.hold("focus");
    vi.advanceTimersByTime(60_000);
    toast.release("pointer");
    vi.advanceTimersByTime(60_000);
    expect(gone()).toBe(false);
    toast.release("focus");
    vi.advanceTimersByTime(99);
    expect(gone()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(gone()).toBe(true);
  });

  it("gives a toast shown in another's place its full time, even one shown under the pointer", () => {
    const { toast, gone } = timer();
    toast.restart();
    vi.advanceTimersByTime(NOTICE_MS - 100);
    toast.restart();
    vi.advanceTimersByTime(NOTICE_MS - 1);
    expect(gone()).toBe(false);
    toast.hold("pointer");
    toast.restart();
    vi.advanceTimersByTime(60_000);
    expect(gone()).toBe(false);
    toast.release("pointer");
    vi.advanceTimersByTime(NOTICE_MS);
    expect(gone()).toBe(true);
  });

  it("does nothing once stopped, and lets the next toast run though the last was held", () => {
    const { toast, gone } = timer();
    toast.restart();
    toast.hold("pointer");
    toast.stop();
    vi.advanceTimersByTime(60_000);
    expect(gone()).toBe(false);
    toast.restart();
    vi.advanceTimersByTime(NOTICE_MS);
    expect(gone()).toBe(true);
  });
});
