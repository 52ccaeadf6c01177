/** Writes a PDF by hand: objects in order, a correct cross-reference table, a trailer. */
export function handMadePdf(objects: string[], trailerExtra = ''): Uint8Array {
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'))
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`
  return new Uint8Array(Buffer.from(out, 'latin1'))
}

/**
 * A PDF of pages of Latin text in Helvetica, one string per line (written
 * 14 points apart from the top), with a page number at the foot of each.
 * A page listed in `broken` is a reference to something that is not a page.
 */
export function textPagesPdf(pages: string[][], broken: number[] = []): Uint8Array {
  const first = 4 // objects 1-3: catalog, pages, font
  const content = (lines: string[], number: number): string =>
    [
      'BT /F1 11 Tf',
      ...lines.map((line, i) => `1 0 0 1 60 ${760 - i * 14} Tm (${line.replace(/[()\\]/g, '\\$&')}) Tj`),
      `1 0 0 1 290 30 Tm (${number}) Tj`,
      'ET',
    ].join('\n')
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${first + i * 2} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  pages.forEach((lines, i) => {
    const stream = content(lines, i + 1)
    objects.push(
      broken.includes(i + 1)
        ? '42'
        : `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${first + i * 2 + 1} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`,
      `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    )
  })
  return handMadePdf(objects)
}
