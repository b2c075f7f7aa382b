import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { ROOT } from '../../cms/index.ts'
import { nginxConfig } from '../../scripts/lib/nginx-config.ts'

describe('docs/deploy.md', () => {
  it('shows exactly what npm run nginx:config prints for its example command', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs', 'deploy.md'), 'utf8')
    const block = /```nginx\n([\s\S]*?)```/.exec(doc)?.[1]
    expect(block).toBe(
      nginxConfig({
        listen: '80',
        serverName: 'minhu.example.gov.cn',
        siteRoot: '/srv/minhu/data/site-live',
        cms: ['127.0.0.1:3000'],
        publicCmsUrl: 'https://minhu.example.gov.cn',
      }),
    )
  })
})

describe('nginx configuration of the live preview page', () => {
  const config = nginxConfig({
    listen: '80',
    serverName: 'minhu.example.gov.cn',
    siteRoot: '/srv/minhu/data/site-live',
    cms: ['127.0.0.1:3000'],
    publicCmsUrl: 'https://cms.example.gov.cn',
  })
  const location = /location ~ \^\/preview\/\(index\\\.html\)\?\$ \{([\s\S]*?)\n {4}\}/.exec(config)?.[1]

  it('has its own location for /preview/ framed by the CMS only, never cached or indexed', () => {
    expect(location).toBeDefined()
    expect(location).toContain('frame-ancestors https://cms.example.gov.cn;')
    expect(location).toContain("img-src 'self' https://cms.example.gov.cn;")
    expect(location).toContain('add_header cache-control "no-store" always;')
    expect(location).toContain('add_header x-robots-tag "noindex" always;')
    expect(location).not.toContain('x-frame-options')
  })

  it('keeps every other page unframeable', () => {
    const outside = config.replace(location!, '')
    expect(outside).toContain("frame-ancestors 'none'")
    expect(outside).not.toContain('frame-ancestors https://')
  })
})
