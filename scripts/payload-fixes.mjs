/**
 * `npm ci` / `npm install` run this (postinstall, after untranslated.mjs): fixes to the installed Payload
 * admin for bugs editors meet and Payload 3.90.2 (the newest) still has. Each is an exact replacement in
 * the package's browser bundle, so the admin build carries it; tests/unit/payload-fixes.test.ts fails when
 * one is found in neither form, so an upgrade that changes the code there is noticed and the fix is
 * checked against the new version (or dropped, when Payload has fixed it). Running it again changes
 * nothing. The e2e test named in each fix shows the bug with the fix taken out.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { applyReplacements } from './untranslated.mjs'

const BUNDLE = '@payloadcms/ui/dist/exports/client/index.js'

/**
 * A row added to an array (答复, 办理进程…) while the answer to an earlier change is on its way stays a
 * grey placeholder for good. The edit form sends its state 250 ms after the last change and, when the
 * answer is merged, records the merged state as "sent"; a row added after the request left is in that
 * merged state, so its own request never goes out. Seen in the admin on a slow line (400 ms) when 添加 is
 * clicked about half a second after choosing a value, and on a loaded server; tests/e2e/messages.e2e.spec.ts
 * holds the answer back to show it every time. The fix: the onChange request says which state it sent,
 * and the merge does not record the merged state as sent while it holds a placeholder row the request
 * did not carry, so the form's next round sends it.
 */
export const fixes = [
  {
    name: 'array row added while a form-state request is on its way: the request says what it sent',
    file: BUNDLE,
    from: 'Z({type:"MERGE_SERVER_STATE",prevStateRef:Q,serverState:ze})',
    to: 'Z({type:"MERGE_SERVER_STATE",prevStateRef:Q,sentState:le,serverState:ze})',
  },
  {
    name: 'array row added while a form-state request is on its way: the merge leaves it to be sent',
    file: BUNDLE,
    from: 'case"MERGE_SERVER_STATE":{let{acceptValues:o,prevStateRef:n,serverState:r}=e,s=JR({acceptValues:o,currentState:t||{},incomingState:r});return n.current=s,s}',
    to: 'case"MERGE_SERVER_STATE":{let{acceptValues:o,prevStateRef:n,serverState:r,sentState:w}=e,s=JR({acceptValues:o,currentState:t||{},incomingState:r});return w&&Object.keys(s).some(p=>s[p]?.rows?.some(q=>q.isLoading&&!w[p]?.rows?.some(x=>x.id===q.id)))||(n.current=s),s}',
  },
]

/** Applies the fixes; returns the names of those found in neither form (Payload changed there). */
export function applyPayloadFixes(root) {
  return applyReplacements(fixes, root).map(({ file, name }) => `${file}: ${name}`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const missing = applyPayloadFixes()
  for (const line of missing) console.warn(`payload-fixes: not found (Payload changed?): ${line}`)
}
