// Files the operator saves from a page: CSV that spreadsheets open safely (a UTF-8 byte-order mark
// so that Excel reads Cyrillic, formulas neutralised) and the browser download that saves them.

/**
 * A CSV cell: quoted when it holds a separator, a quote or a line break; a leading = + - @ is
 * neutralised so that a spreadsheet never runs a name as a formula.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A CSV file: the byte-order mark, the header, one line per row, CRLF line ends. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Saves text as a file through the browser's download. */
export function download(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
