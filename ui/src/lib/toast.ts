// When a toast goes: one rule for every toast, an Undo's or any other. It stays NOTICE_MS, counted
// only while it is not held — under the pointer or holding keyboard focus — so that it never goes
// from under a person reading it or reaching for its button.

export const NOTICE_MS = 10_000;

/** What holds a toast on screen. */
export type Hold = "pointer" | "focus";

export class ToastTimer {
  private holds = new Set<Hold>();
  private remaining = 0;
  private startedAt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private onExpire: () => void, private ms = NOTICE_MS, private clock: () => number = () => Date.now()) {}

  /** A toast (new, or another in its place) starts its full time; a held one waits to be let go. */
  restart(): void {
    this.pause();
    this.remaining = this.ms;
    if (this.holds.size === 0) this.run();
  }

  hold(why: Hold): void {
    if (this.holds.size === 0) this.pause();
    this.holds.add(why);
  }

  /** Let go: the time left runs on from where it stopped. */
  release(why: Hold): void {
    if (!this.holds.delete(why) || this.holds.size > 0 || this.remaining <= 0) return;
    this.run();
  }

  /** No toast any more: nothing counts, and nothing holds the next one. */
  stop(): void {
    this.pause();
    this.remaining = 0;
    this.holds.clear();
  }

  private run(): void {
    this.startedAt = this.clock();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.remaining = 0;
      this.onExpire();
    }, this.remaining);
  }

  private pause(): void {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.remaining = Math.max(0, this.remaining - (this.clock() - this.startedAt));
  }
}
