/**
 * `pretest`: the browser tests need Debian's Chromium and CJK fonts (without them Chinese renders as boxes),
 * the front-server test Debian's nginx (nginx-light: gzip_static and realip are enough). Installs what is
 * missing with apt-get when running as root; otherwise says exactly what to install.
 */
import { execFileSync, execSync } from 'node:child_process'
import fs from 'node:fs'

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const hasFonts = () => {
  try {
    return /Noto Sans CJK/i.test(execSync('fc-list :lang=zh family', { encoding: 'utf8' }))
  } catch {
    return false
  }
}

const nginx = process.env.NGINX_PATH ?? '/usr/sbin/nginx'
const missing = [
  ...(fs.existsSync(chromium) ? [] : ['chromium']),
  ...(hasFonts() ? [] : ['fonts-noto-cjk']),
  ...(fs.existsSync(nginx) ? [] : ['nginx-light']),
]
if (missing.length === 0) {
  console.log('test packages: chromium, CJK fonts and nginx are installed')
  process.exit(0)
}
if (process.getuid?.() !== 0) {
  console.error(
    `test packages: missing ${missing.join(', ')}; install with: sudo apt-get install -y ${missing.join(' ')}`,
  )
  process.exit(1)
}
console.log(`test packages: installing ${missing.join(', ')} with apt-get…`)
execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit' })
execFileSync('apt-get', ['install', '-y', '-q', ...missing], {
  stdio: 'inherit',
  env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
})
console.log('test packages: installed')
