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
