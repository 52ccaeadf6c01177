/**
 * Lines of a plain-text file that can never be its title: data rows and
 * lines a generating program wrote. Used where a title is chosen from the
 * text (a .txt file's first line, a title made from the first sentence);
 * such a line stays in the body, so nothing of the text is lost.
 */

/** `1|1|بسم الله…` (Tanzil's sura|aya|text), `12\t3\t…`, `4;7;…`: records that start with numbered fields. */
const NUMBERED_RECORD = /^\s*\d+\s*([|\t;,])\s*\d+\s*\1/u

/** Field separators of delimited data, ASCII only: a title may well hold an Arabic comma or two. */
const SEPARATORS = ['|', '\t', ',', ';'] as const

/** How many separators a row must hold (`a|b|c`, three tab-separated cells): one comma is just a clause. */
const ROW_SEPARATORS = 2

/**
 * Lines written by the program that made the file, not by its author: the
 * Shamela library's «تم إعداد هذا الملف آليا بواسطة المكتبة الشاملة» and its
 * note «[ الكتاب مشكول ومرقم آليا غير موافق للمطبوع ]» (both in the
 * Tashkeela books, tests/fixtures/large-books), and the English
 * "generated / created automatically by …" lines of exporting tools.
 */
const GENERATOR_LINES: RegExp[] = [
  /^\s*\[?\s*تم\s+إعداد\s+هذا\s+الملف\s+آليا/u,
  /^\s*\[?\s*الكتاب\s+مشكول\s+ومرقم\s+آليا/u,
  /^\s*\[?\s*ترقيم\s+الكتاب\s+موافق\s+للمطبوع/u,
  /^\s*(this\s+(file|document|text)\s+(was|is|has\s+been)\s+)?(automatically\s+)?(generated|created|produced|exported|converted)\s+(automatically\s+)?(by|with|using|from)\b/iu,
]

/** Longest field of a CSV-like row: prose cut at its commas has longer clauses than a table has cells. */
const MAX_CSV_FIELD = 30

/** The fields of `line` cut at `separator` outside double quotes, as a CSV reader would cut them. */
function fieldsOf(line: string, separator: string): string[] {
  const fields = ['']
  let quoted = false
  for (const c of line) {
    if (c === '"') quoted = !quoted
    if (c === separator && !quoted) fields.push('')
    else fields[fields.length - 1] += c
  }
  return fields
}

/**
 * Whether a line is a row of data rather than prose: a record opening with
 * numbered fields (Tanzil's `1|1|…`), or — given the next line of text — a
 * row cut by two or more `|` or tabs, or a CSV-like row of short fields (at
 * most 30 characters each) cut by commas or semicolons, whose count of
 * fields the next line shares, as the rows of one table do. A title is
 * none of these, so taking such a line for one would both misname the
 * article and lose a record from the body.
 */
export function isDataRow(line: string, nextLine?: string): boolean {
  if (NUMBERED_RECORD.test(line)) return true
  for (const separator of SEPARATORS) {
    const fields = fieldsOf(line, separator)
    if (fields.length - 1 < ROW_SEPARATORS) continue
    if (nextLine === undefined || fieldsOf(nextLine, separator).length !== fields.length) continue
    const cells = separator === '|' || separator === '\t'
    if (cells || fields.every((f) => f.trim().length <= MAX_CSV_FIELD)) return true
  }
  return false
}

/** Whether a line was written by the program that made the file (see GENERATOR_LINES): it names no article. */
export function isGeneratorLine(line: string): boolean {
  return GENERATOR_LINES.some((re) => re.test(line))
}

/** Whether a line may be taken as a title at all: neither a data row nor a generator's line. */
export function mayBeTitle(line: string, nextLine?: string): boolean {
  return !isDataRow(line, nextLine) && !isGeneratorLine(line)
}
