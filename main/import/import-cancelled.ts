/**
 * Thrown by a conversion that was cancelled (the user pressed Cancel, or
 * the batch was): the library then writes nothing and reports the file as
 * cancelled, never as refused.
 */
export class ImportCancelled extends Error {
  constructor(name: string) {
    super(`${name}: the import was cancelled.`)
    this.name = 'ImportCancelled'
  }
}
