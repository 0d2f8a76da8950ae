// Which built JavaScript files make the first screen's path, per UI language, from the chunk graph
// the web build writes (apps/web/build-report/chunks.json): the entry and every chunk it imports
// statically, the chunks of the path's roots (apps/web/first-path.mjs) and theirs, and the
// language's texts. Used by the budget check and by e2e/first-screen.spec.ts.
import { FIRST_PATH_ROOTS, LANGUAGES, languageTexts } from '../apps/web/first-path.mjs';

/** @returns {Map<string, string[]>} language → the files (as `assets/…`), sorted */
export function firstScreenFiles(chunks) {
  const byFile = new Map(chunks.map((chunk) => [chunk.file, chunk]));
  const holding = (module) => {
    const chunk = chunks.find((c) => c.modules.includes(module));
    if (!chunk) throw new Error(`no chunk holds ${module}`);
    return chunk.file;
  };
  const closure = (starts) => {
    const seen = new Set();
    const queue = [...starts];
    while (queue.length > 0) {
      const file = queue.pop();
      if (seen.has(file)) continue;
      seen.add(file);
      queue.push(...(byFile.get(file)?.imports ?? []));
    }
    return seen;
  };
  const entries = chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.file);
  const common = [...entries, ...FIRST_PATH_ROOTS.map(holding)];
  return new Map(
    LANGUAGES.map((language) => [
      language,
      [...closure([...common, holding(languageTexts(language))])].sort(),
    ]),
  );
}
