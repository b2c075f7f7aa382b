/**
 * The CMS's light entry, for tools that run without opening the CMS (`npm run build`'s own process, the
 * build and server launchers): paths and running a tool. It loads no Payload (cms/index.ts does: ~3 s
 * and ~250 MB), so a process that only starts other processes stays small. cms/index.ts re-exports it.
 */
export { dataDir, mediaDir, ROOT, scratchDir } from './paths.ts'
export { cause, runTool } from './lib/run-tool.ts'
