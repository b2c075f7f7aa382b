/**
 * `npm run nginx:config -- [--listen 80] [--server-name example.gov.cn] [--root /srv/minhu/data/site-live]
 *   [--cms 127.0.0.1:3000 --cms 127.0.0.1:3001] [--public-cms-url https://example.gov.cn]`
 * Prints the nginx configuration for production (docs/deploy.md) to stdout.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'

import { dataDir } from '../cms/index.ts'
import { nginxConfig } from './lib/nginx-config.ts'

const { values } = parseArgs({
  options: {
    listen: { type: 'string', default: '80' },
    'server-name': { type: 'string', default: '_' },
    root: { type: 'string', default: path.join(dataDir(), 'site-live') },
    cms: { type: 'string', multiple: true, default: ['127.0.0.1:3000'] },
    'public-cms-url': { type: 'string', default: process.env.CMS_PUBLIC_URL ?? 'http://localhost' },
  },
})

process.stdout.write(
  nginxConfig({
    listen: values.listen,
    serverName: values['server-name'],
    siteRoot: values.root,
    cms: values.cms,
    publicCmsUrl: values['public-cms-url'],
  }),
)
