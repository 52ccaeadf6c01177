/**
 * The library table's optional columns, in the order they stand in the
 * table: who wrote each article, where it appeared and when. The user
 * chooses which to show; the choice is kept in the settings
 * (`libraryColumns`, docs/FORMATS.md).
 */
export const LIBRARY_COLUMNS = ['authors', 'container', 'published'] as const
export type LibraryColumn = (typeof LIBRARY_COLUMNS)[number]

/**
 * The columns a stored or sent list names, known ones only, each once, in
 * the table's order: a list written by a later Hamish (with columns this one
 * does not have) still shows the ones it knows.
 */
export function knownColumns(list: readonly unknown[] | undefined): LibraryColumn[] {
  return LIBRARY_COLUMNS.filter((c) => list?.includes(c) ?? false)
}

/** The list with `column` shown or hidden, in the table's order. */
export function withColumn(
  list: readonly LibraryColumn[],
  column: LibraryColumn,
  shown: boolean,
): LibraryColumn[] {
  return LIBRARY_COLUMNS.filter((c) => (c === column ? shown : list.includes(c)))
}
