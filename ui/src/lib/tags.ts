// Tags as a person types them: several at once, split by commas ("rust, to read"). Core tidies
// each name (spaces) and says why one cannot be a tag; this only splits.

/** The names typed, in order, without blanks; a name typed twice (in any case) once. */
export function typedTags(text: string): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const part of text.split(",")) {
    const name = part.trim();
    const key = name.toLowerCase();
    if (name === "" || seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}

/** Tags in use that start with what is being typed after the last comma, for suggestions; those the article has are left out. */
export function suggestedTags(inUse: readonly string[], has: readonly string[], typed: string): string[] {
  const last = (typed.split(",").pop() ?? "").trim().toLowerCase();
  const taken = new Set(has.map((name) => name.toLowerCase()));
  return inUse.filter((name) => !taken.has(name.toLowerCase()) && name.toLowerCase().startsWith(last));
}
