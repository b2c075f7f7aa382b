// Types for the generated importMap.js (written by `npm run generate:importmap`).
import type { ImportMap } from 'payload'

export declare const importMap: ImportMap
