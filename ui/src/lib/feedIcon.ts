// What stands in for a feed's icon until one is found, or when there is none: the first letter
// of its name (a whole character, however many UTF-16 units it takes).

/** The letter a feed's tile shows: its name's first letter or digit, upper-cased; "•" for none. */
export function initialOf(name: string): string {
  const first = Array.from(name).find((c) => /[\p{L}\p{N}]/u.test(c));
  return first ? first.toLocaleUpperCase() : "•";
}
