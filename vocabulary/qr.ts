/**
 * How every QR code of the system is drawn (the 码上见代表 posters at build time, the CMS's printed
 * 来信回执): as SVG by `qrcode` (node-qrcode), error correction M (15 %: survives a crease or a smudge
 * on a printed sheet), the standard quiet zone of 4 modules, black on white for any printer.
 */
export const QR_SVG_OPTIONS = {
  type: 'svg',
  errorCorrectionLevel: 'M',
  margin: 4,
  color: { dark: '#000000', light: '#ffffff' },
} as const

/** The drawn SVG sized by CSS and hidden from screen readers: the wrapper (role="img") names it. */
export const decorativeSvg = (svg: string): string =>
  svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" ')
