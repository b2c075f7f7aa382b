/**
 * A build started before it is asked for (the site builder's spare process, scripts/lib/astro-build.ts)
 * runs Astro's whole start-up ahead — its config, the integrations, Vite, the content config and store:
 * 1.0–1.5 s of every publish on this machine — and then waits here, where the content loader is about to
 * read the CMS. The builder's request opens the gate with the build's own variables (its output folder,
 * the previous build, the index handover folder), which are read only after this point; the output
 * folder Astro was configured with is a stand-in in the build's own folder, moved to the asked one when
 * the build is done (./index.ts).
 *
 * The gate lives on `globalThis`: the spare script, the build integration and the loader are different
 * copies of this module (./context.ts says why).
 */
export interface StartGate {
  /** Called by the loader when it reaches the gate; resolves once the build is asked for. */
  pass(): Promise<void>
}

const KEY = Symbol.for('minhu.site.start-gate')
type WithGate = typeof globalThis & { [KEY]?: StartGate }

/**
 * Installs the gate in this process (before `astro build` starts): `onWaiting` is called when the build
 * reaches it; the returned function opens it, after the caller has set the build's variables.
 */
export function installStartGate(onWaiting: () => void): () => void {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  ;(globalThis as WithGate)[KEY] = {
    pass() {
      onWaiting()
      return opened
    },
  }
  return open
}

/** This process's gate, if the build was started ahead of its request. */
export const startGate = (): StartGate | undefined => (globalThis as WithGate)[KEY]
