/**
 * Returns the first key that appears twice in the top-level object of a JSON text, or
 * `undefined`. `JSON.parse` silently keeps the last of duplicate keys, so a filter in front of
 * Form Router that reads the first one would see another brand than Form Router uses. The text
 * must be valid JSON: call this after `JSON.parse` succeeded.
 */
export function findDuplicateTopLevelKey(text: string): string | undefined {
  const seen = new Set<string>();
  let depth = 0;

  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '{' || character === '[') {
      depth++;
    } else if (character === '}' || character === ']') {
      depth--;
    } else if (character === '"') {
      const end = endOfString(text, index);
      if (depth === 1 && text.slice(end + 1).trimStart().startsWith(':')) {
        const key = JSON.parse(text.slice(index, end + 1)) as string;
        if (seen.has(key)) {
          return key;
        }
        seen.add(key);
      }
      index = end;
    }
  }

  return undefined;
}

/** Index of the quote that closes the string opening at `start`, skipping escaped characters. */
function endOfString(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length && text[index] !== '"') {
    index += text[index] === '\\' ? 2 : 1;
  }
  return index;
}
