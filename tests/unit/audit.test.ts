import { describe, expect, it } from 'vitest'

import { judgeAudit, parseAllowlist } from '../../scripts/lib/audit.ts'

/**
 * scripts/check-audit.ts (part of lint) on `npm audit --omit=dev --json` reports. The report below is
 * what npm 11 printed for this project against a stand-in registry serving two made-up advisories
 * (trimmed): a high one against sirv and a moderate one against mrmime, which reaches sirv and astro.
 */
const report = {
  auditReportVersion: 2,
  vulnerabilities: {
    astro: { name: 'astro', severity: 'moderate', isDirect: true, via: ['mrmime'], effects: [] },
    mrmime: {
      name: 'mrmime',
      severity: 'moderate',
      isDirect: false,
      via: [
        {
          source: 1100002,
          name: 'mrmime',
          dependency: 'mrmime',
          title: 'ReDoS in mrmime',
          url: 'https://github.com/advisories/GHSA-5555-6666-7777',
          severity: 'moderate',
          range: '<99',
        },
      ],
      effects: ['astro', 'sirv'],
    },
    sirv: {
      name: 'sirv',
      severity: 'high',
      isDirect: true,
      via: [
        {
          source: 1100001,
          name: 'sirv',
          dependency: 'sirv',
          title: 'Path traversal in sirv',
          url: 'https://github.com/advisories/GHSA-2222-3333-4444',
          severity: 'high',
          range: '<=3.0.2',
        },
        'mrmime',
      ],
      effects: [],
    },
  },
  metadata: {
    vulnerabilities: { info: 0, low: 0, moderate: 2, high: 1, critical: 0, total: 3 },
    dependencies: { prod: 763, dev: 267, total: 1213 },
  },
}
const reason = 'The site server serves only the build folder; no path of the advisory is reachable.'

describe('the dependency audit in lint', () => {
  it('fails on a high advisory nobody allowed, and only reports the moderate one', () => {
    const verdict = judgeAudit(report, [])
    expect(verdict.kind).toBe('checked')
    if (verdict.kind !== 'checked') return
    expect(verdict.failing.map((a) => [a.id, a.package, a.severity])).toEqual([
      ['GHSA-2222-3333-4444', 'sirv', 'high'],
    ])
    expect(verdict.minor.map((a) => a.id)).toEqual(['GHSA-5555-6666-7777'])
    expect(verdict.audited).toBe(763)
  })

  it('passes an allowed advisory with its reason, and names allowlist entries no longer needed', () => {
    const allowlist = parseAllowlist(
      JSON.stringify([
        { id: 'GHSA-2222-3333-4444', package: 'sirv', reason },
        { id: 'GHSA-9999-9999-9999', package: 'gone', reason },
      ]),
    )
    const verdict = judgeAudit(report, allowlist)
    if (verdict.kind !== 'checked') throw new Error('expected a checked verdict')
    expect(verdict.failing).toEqual([])
    expect(verdict.allowed.map((a) => [a.advisory.id, a.reason])).toEqual([['GHSA-2222-3333-4444', reason]])
    expect(verdict.stale.map((e) => e.id)).toEqual(['GHSA-9999-9999-9999'])
  })

  it('a critical advisory fails too; a clean report passes', () => {
    const critical = structuredClone(report)
    critical.vulnerabilities.mrmime.via[0] = {
      ...critical.vulnerabilities.mrmime.via[0],
      severity: 'critical',
    }
    const verdict = judgeAudit(critical, [])
    expect(verdict.kind === 'checked' && verdict.failing.map((a) => a.id)).toEqual([
      'GHSA-5555-6666-7777',
      'GHSA-2222-3333-4444',
    ])
    const clean = judgeAudit({ auditReportVersion: 2, vulnerabilities: {}, metadata: {} }, [])
    expect(clean.kind === 'checked' && clean.failing).toEqual([])
  })

  it('an audit that could not ask the registry is "unreachable", with npm\'s reason in one line', () => {
    // What npm printed on this machine (the registry mirror refuses the POST) and offline.
    const refused = {
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      method: 'POST',
      statusCode: 405,
      body: '',
      error: { summary: '', detail: '' },
    }
    expect(judgeAudit(refused, [])).toEqual({
      kind: 'unreachable',
      reason: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    })
    const offline = {
      error: { code: 'ENOTFOUND', summary: 'request to https://registry.npmjs.org failed\nmore' },
    }
    expect(judgeAudit(offline, [])).toEqual({
      kind: 'unreachable',
      reason: 'request to https://registry.npmjs.org failed',
    })
    expect(judgeAudit(undefined, []).kind).toBe('unreachable')
  })

  it('an allowlist entry needs a GHSA id, a package and a reason', () => {
    expect(() => parseAllowlist('{}')).toThrow(/JSON array/)
    expect(() => parseAllowlist(JSON.stringify([{ id: 'CVE-2026-1', package: 'x', reason }]))).toThrow(
      /GHSA id/,
    )
    expect(() =>
      parseAllowlist(JSON.stringify([{ id: 'GHSA-2222-3333-4444', package: 'sirv', reason: 'n/a' }])),
    ).toThrow(/needs a reason/)
    expect(parseAllowlist('[]')).toEqual([])
  })
})
