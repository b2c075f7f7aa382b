/**
 * Reading `npm audit --json` for scripts/check-audit.ts (part of `npm run lint`): which high or critical
 * advisories in the production dependencies the allowlist does not excuse. Pure (no npm, no files), so
 * the unit test feeds it reports.
 */

export const FAILING_SEVERITIES = ['high', 'critical'] as const

/** An advisory the project has judged not to apply, with why (each also in docs/decisions.md). */
export interface AllowedAdvisory {
  /** GHSA id (`GHSA-xxxx-xxxx-xxxx`), as in the advisory's URL. */
  id: string
  package: string
  reason: string
}

export interface Advisory {
  id: string
  package: string
  severity: string
  title: string
  url: string
  /** The installed versions it affects. */
  range: string
}

export type AuditVerdict =
  | { kind: 'unreachable'; reason: string }
  | {
      kind: 'checked'
      /** High or critical, not allowed: lint fails. */
      failing: Advisory[]
      /** High or critical, allowed with a reason. */
      allowed: { advisory: Advisory; reason: string }[]
      /** Below high: reported, not failing. */
      minor: Advisory[]
      /** Allowlist entries that no advisory needs any more (to remove). */
      stale: AllowedAdvisory[]
      /** Production dependencies audited. */
      audited: number
    }

/** Checks the allowlist file's content: every entry names an advisory and says why. */
export function parseAllowlist(text: string, file = 'the allowlist'): AllowedAdvisory[] {
  const data: unknown = JSON.parse(text)
  if (!Array.isArray(data)) throw new Error(`${file}: expected a JSON array of { id, package, reason }`)
  return data.map((entry, i) => {
    const { id, package: pkg, reason } = (entry ?? {}) as Record<string, unknown>
    if (typeof id !== 'string' || !/^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/.test(id))
      throw new Error(`${file}: entry ${i + 1} has no GHSA id ("id": "GHSA-xxxx-xxxx-xxxx")`)
    if (typeof pkg !== 'string' || !pkg) throw new Error(`${file}: ${id} names no package`)
    if (typeof reason !== 'string' || reason.trim().length < 20)
      throw new Error(`${file}: ${id} needs a reason why it does not apply (a sentence, not a word)`)
    return { id, package: pkg, reason: reason.trim() }
  })
}

interface ViaAdvisory {
  source?: number
  name?: string
  title?: string
  url?: string
  severity?: string
  range?: string
}

/** The advisories of an `npm audit --json` report (npm 7+, auditReportVersion 2), each once. */
export function advisoriesOf(report: { vulnerabilities: Record<string, { via?: unknown[] }> }): Advisory[] {
  const found = new Map<string, Advisory>()
  for (const [name, vulnerability] of Object.entries(report.vulnerabilities)) {
    // `via` holds the advisories against this package and, as plain names, the packages through which
    // it is affected (those have their own entry with their advisories).
    for (const via of vulnerability.via ?? []) {
      if (typeof via !== 'object' || via === null) continue
      const v = via as ViaAdvisory
      const id = /GHSA(-[a-z0-9]{4}){3}/i.exec(v.url ?? '')?.[0] ?? `npm-${v.source ?? 'unknown'}`
      const key = `${id} ${v.name ?? name}`
      if (!found.has(key))
        found.set(key, {
          id,
          package: v.name ?? name,
          severity: v.severity ?? 'unknown',
          title: v.title ?? '',
          url: v.url ?? '',
          range: v.range ?? '',
        })
    }
  }
  return [...found.values()]
}

/** Judges what `npm audit --omit=dev --json` printed (parsed), against the allowlist. */
export function judgeAudit(report: unknown, allowlist: AllowedAdvisory[]): AuditVerdict {
  const r = (report ?? {}) as Record<string, unknown>
  if (typeof r.vulnerabilities !== 'object' || r.vulnerabilities === null || r.error) {
    // npm prints an error object instead of a report when it could not ask the registry.
    const error = (r.error ?? {}) as Record<string, unknown>
    const reason = [r.message, error.summary, error.code, error.detail].find(
      (x): x is string => typeof x === 'string' && x.trim() !== '',
    )
    return { kind: 'unreachable', reason: (reason ?? 'npm audit printed no report').split('\n')[0] }
  }
  const advisories = advisoriesOf(r as { vulnerabilities: Record<string, { via?: unknown[] }> })
  const serious = (a: Advisory) => (FAILING_SEVERITIES as readonly string[]).includes(a.severity)
  const allowedBy = (a: Advisory) => allowlist.find((e) => e.id.toLowerCase() === a.id.toLowerCase())
  const metadata = (r.metadata ?? {}) as { dependencies?: { prod?: number; total?: number } }
  return {
    kind: 'checked',
    failing: advisories.filter((a) => serious(a) && !allowedBy(a)),
    allowed: advisories
      .filter((a) => serious(a) && allowedBy(a))
      .map((advisory) => ({ advisory, reason: allowedBy(advisory)!.reason })),
    minor: advisories.filter((a) => !serious(a)),
    stale: allowlist.filter((e) => !advisories.some((a) => a.id.toLowerCase() === e.id.toLowerCase())),
    audited: metadata.dependencies?.prod ?? metadata.dependencies?.total ?? 0,
  }
}
