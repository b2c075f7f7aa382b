import sharp from 'sharp'

import type { SeedImage } from '../../content/types.ts'

/**
 * Seed pictures are drawn, not downloaded: a simple flat illustration per motif, rendered from SVG
 * with sharp. No text in them (fonts differ between machines); the alt text says what they show.
 */

const PALETTES = [
  { sky: ['#fdf1dc', '#f6d9a8'], wall: '#e9e2d6', accent: '#a4161a', dark: '#5b4636' },
  { sky: ['#e3f0fb', '#bcd7ef'], wall: '#f1ece4', accent: '#b3261e', dark: '#3d4a5c' },
  { sky: ['#eef6e9', '#cfe5c0'], wall: '#efe9df', accent: '#9c1c1f', dark: '#43513c' },
  { sky: ['#f9e6e0', '#f0c5b5'], wall: '#f3eee6', accent: '#8b0000', dark: '#4f3b3b' },
]

/** Small deterministic hash so the same key always draws the same picture. */
function hash(text: string): number {
  let h = 2166136261
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619)
  return h >>> 0
}

function windows(x: number, y: number, cols: number, rows: number, color: string): string {
  let out = ''
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++)
      out += `<rect x="${x + c * 46}" y="${y + r * 56}" width="28" height="34" rx="3" fill="${color}"/>`
  return out
}

function building(x: number, width: number, floors: number, p: (typeof PALETTES)[number]): string {
  const height = floors * 56 + 30
  const top = 700 - height
  return `<rect x="${x}" y="${top}" width="${width}" height="${height}" fill="${p.wall}" stroke="${p.dark}" stroke-width="4"/>${windows(x + 20, top + 24, Math.floor((width - 20) / 46), floors, '#9fb8cf')}`
}

function motifLayer(motif: SeedImage['motif'], p: (typeof PALETTES)[number], v: number): string {
  const person = (x: number, y: number, s = 1, color = p.accent) =>
    `<circle cx="${x}" cy="${y}" r="${26 * s}" fill="#f1c9a5"/><path d="M${x - 42 * s} ${y + 100 * s} q${42 * s} ${-90 * s} ${84 * s} 0 z" fill="${color}"/>`
  switch (motif) {
    case 'elevator':
      return `${building(180, 420, 6, p)}<rect x="600" y="330" width="110" height="370" fill="#cfe3ee" stroke="${p.dark}" stroke-width="4" opacity="0.9"/><rect x="620" y="${420 + (v % 3) * 60}" width="70" height="90" fill="${p.accent}"/><line x1="655" y1="330" x2="655" y2="${420 + (v % 3) * 60}" stroke="${p.dark}" stroke-width="3"/>`
    case 'pipes':
      return `<rect x="0" y="560" width="1200" height="240" fill="#b59b7a"/>${[600, 660, 720].map((y, i) => `<rect x="80" y="${y}" width="1040" height="30" rx="15" fill="${i === 1 ? p.accent : '#7d8a96'}"/>`).join('')}${[260, 560, 860].map((x) => `<rect x="${x}" y="590" width="40" height="150" fill="#5f6b75"/>`).join('')}${person(980, 470, 0.9, '#e07b00')}`
    case 'quiet':
      return `${building(120, 380, 5, p)}${building(720, 360, 5, p)}${[0, 1, 2].map((i) => `<path d="M560 ${360 + i * 10} q40 ${60 - i * 10} 0 ${120 + i * 20}" fill="none" stroke="${p.dark}" stroke-width="8" opacity="${0.8 - i * 0.2}"/>`).join('')}<line x1="520" y1="340" x2="680" y2="520" stroke="${p.accent}" stroke-width="14" stroke-linecap="round"/>`
    case 'parking':
      return `<rect x="0" y="520" width="1200" height="280" fill="#8e9499"/>${[0, 1, 2, 3, 4].map((i) => `<line x1="${140 + i * 200}" y1="540" x2="${140 + i * 200}" y2="760" stroke="#fff" stroke-width="6"/><rect x="${170 + i * 200}" y="${600 + (i % 2) * 20}" width="140" height="80" rx="18" fill="${['#c0392b', '#2e86c1', '#f4f4f4', '#555', '#d4a017'][(i + v) % 5]}"/>`).join('')}<rect x="960" y="250" width="130" height="130" rx="16" fill="#1e5aa8"/><rect x="1018" y="380" width="14" height="140" fill="#666"/>`
    case 'access-card':
      return `${building(200, 520, 6, p)}<rect x="420" y="520" width="120" height="180" fill="${p.dark}"/><rect x="760" y="420" width="120" height="180" rx="14" fill="#2b2b2b"/><circle cx="820" cy="480" r="30" fill="#3fbf6f"/><rect x="880" y="380" width="120" height="76" rx="10" fill="${p.accent}" transform="rotate(-12 940 418)"/>`
    case 'meeting':
    case 'lecture':
      return `<rect x="0" y="560" width="1200" height="240" fill="#d9c7a8"/><rect x="300" y="120" width="600" height="${motif === 'lecture' ? 300 : 120}" fill="${motif === 'lecture' ? '#f7f7f7' : p.accent}" stroke="${p.dark}" stroke-width="4"/>${motif === 'lecture' ? `<rect x="520" y="430" width="160" height="170" fill="${p.accent}"/>${person(600, 380, 0.9, p.dark)}` : `<rect x="240" y="480" width="720" height="40" rx="8" fill="#8b5a2b"/>`}${[0, 1, 2, 3, 4].map((i) => person(220 + i * 190, motif === 'lecture' ? 640 : 420, 0.8, i % 2 ? p.dark : p.accent)).join('')}`
    case 'station':
      return `${building(260, 680, 3, p)}<rect x="260" y="480" width="680" height="50" fill="${p.accent}"/><rect x="540" y="560" width="120" height="140" fill="${p.dark}"/>${[0, 1].map((i) => `<circle cx="${200 + i * 800}" cy="640" r="60" fill="#4f8a3b"/><rect x="${192 + i * 800}" y="640" width="16" height="60" fill="#6b4423"/>`).join('')}`
    case 'portrait':
      return `<rect width="1200" height="800" fill="${p.sky[1]}"/><circle cx="600" cy="320" r="140" fill="#f1c9a5"/><path d="M600 180 q-150 10 -140 150 q40 -90 140 -90 q100 0 140 90 q10 -140 -140 -150z" fill="#2b2b2b"/><path d="M330 800 q0 -260 270 -260 q270 0 270 260z" fill="${v % 2 ? p.dark : '#2f3e55'}"/><path d="M560 545 l40 90 l40 -90z" fill="#fff"/><circle cx="700" cy="620" r="14" fill="${p.accent}"/>`
    case 'community':
      return `${building(100, 300, 4, p)}${building(460, 280, 6, p)}${building(800, 300, 5, p)}${[0, 1, 2, 3].map((i) => `<circle cx="${180 + i * 280}" cy="660" r="50" fill="#5a9a45"/>`).join('')}`
    case 'building':
    default:
      return `${building(160, 420, 6, p)}${building(640, 400, 5, p)}`
  }
}

/** The SVG source of a seed picture (1200×800). */
function seedImageSvg(image: SeedImage): string {
  const v = image.variant ?? hash(image.key)
  const p = PALETTES[v % PALETTES.length]
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.sky[0]}"/><stop offset="1" stop-color="${p.sky[1]}"/></linearGradient></defs>
<rect width="1200" height="800" fill="url(#sky)"/><circle cx="${980 - (v % 5) * 120}" cy="140" r="60" fill="#fff4c2" opacity="0.9"/>
<rect x="0" y="700" width="1200" height="100" fill="#c9b99a"/>${motifLayer(image.motif, p, v)}</svg>`
}

/** Renders a seed picture as a JPEG. */
export async function renderSeedImage(image: SeedImage): Promise<Buffer> {
  return sharp(Buffer.from(seedImageSvg(image)))
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer()
}
