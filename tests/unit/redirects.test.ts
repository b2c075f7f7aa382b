import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { redirectFor } from '../../scripts/lib/site-server.ts'
import { redirectPage, writeRedirects } from '../../site/build/redirects.ts'
import {
  documentPath,
  normalisePath,
  normaliseTarget,
  parseRedirectsMap,
  redirectsMap,
} from '../../vocabulary/redirects.ts'

describe('normalisePath', () => {
  it('adds the trailing slash, drops query, fragment and doubled slashes', () => {
    expect(normalisePath('/news/old')).toBe('/news/old/')
    expect(normalisePath(' /news//old/?a=1#x ')).toBe('/news/old/')
    expect(normalisePath('/')).toBe('/')
    expect(normalisePath('/old/rss.xml')).toBe('/old/rss.xml')
  })

  it('stores other characters percent-encoded, once', () => {
    expect(normalisePath('/旧页面')).toBe('/%E6%97%A7%E9%A1%B5%E9%9D%A2/')
    expect(normalisePath('/%E6%97%A7%E9%A1%B5%E9%9D%A2/')).toBe('/%E6%97%A7%E9%A1%B5%E9%9D%A2/')
    expect(normalisePath('/a b/')).toBe('/a%20b/')
  })

  it('refuses what is not a site path, in Chinese', () => {
    expect(() => normalisePath('news/x')).toThrow('请填写以 / 开头的站内路径')
    expect(() => normalisePath('//evil.example/')).toThrow('请填写以 / 开头的站内路径')
    expect(() => normalisePath('/a/../b/')).toThrow('路径中不能有 . 或 .. 这样的段。')
    expect(() => normalisePath('/a%zz/')).toThrow('路径中的 % 编码不完整。')
  })

  it('targets: a site path or an https address, nothing else', () => {
    expect(normaliseTarget('/cases')).toBe('/cases/')
    expect(normaliseTarget('https://www.example.gov.cn/a?b=1')).toBe('https://www.example.gov.cn/a?b=1')
    expect(() => normaliseTarget('javascript:alert(1)')).toThrow('只能跳转到站内路径')
    expect(() => normaliseTarget('http://example.org/')).toThrow('只能跳转到站内路径')
  })

  it('a document page is /<collection>/<slug>/', () => {
    expect(documentPath('news', 'a-b')).toBe('/news/a-b/')
  })
})

describe('the redirects map', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'minhu-redirects-unit-'))
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }))

  it('is nginx map syntax, sorted, and reads back', () => {
    const text = redirectsMap([
      { from: '/news/b/', to: '/news/c/' },
      { from: '/news/a/', to: 'https://example.gov.cn/x' },
    ])
    expect(text.split('\n').filter((l) => !l.startsWith('#'))).toEqual([
      '/news/a/ https://example.gov.cn/x;',
      '/news/b/ /news/c/;',
      '',
    ])
    expect([...parseRedirectsMap(text)]).toEqual([
      ['/news/a/', 'https://example.gov.cn/x'],
      ['/news/b/', '/news/c/'],
    ])
  })

  it('the build writes a forwarding page where no page is, and skips a real page', () => {
    const out = path.join(scratch, 'dist')
    fs.mkdirSync(path.join(out, 'about'), { recursive: true })
    fs.writeFileSync(path.join(out, 'about', 'index.html'), 'real')
    const warnings: string[] = []
    const written = writeRedirects(
      out,
      [
        { from: '/news/old/', to: '/news/new/' },
        { from: '/about/', to: '/' },
        { from: '/old.xml', to: '/rss.xml' },
      ],
      'https://minhu.example.gov.cn',
      (line) => warnings.push(line),
    )
    expect(written).toEqual({ pages: 1, skipped: ['/about/'] })
    expect(warnings).toEqual(['redirect /about/ → / skipped: /about/ is a page of this build'])
    expect(fs.readFileSync(path.join(out, 'about', 'index.html'), 'utf8')).toBe('real')
    const page = fs.readFileSync(path.join(out, 'news', 'old', 'index.html'), 'utf8')
    expect(page).toContain('<link rel="canonical" href="https://minhu.example.gov.cn/news/new/">')
    expect(fs.existsSync(path.join(out, 'old.xml'))).toBe(false)
    const map = fs.readFileSync(path.join(out, 'redirects.map'), 'utf8')
    expect(map).toContain('/news/old/ /news/new/;')
    expect(map).toContain('/old.xml /rss.xml;')
    expect(map).not.toContain('/about/')
    // The site server answers from the same file.
    expect(redirectFor(out, '/news/old')).toBe('/news/new/')
    expect(redirectFor(out, '/news/old/?x=1')).toBe('/news/new/?x=1')
    expect(redirectFor(out, '/about/')).toBeUndefined()
  })

  it('the forwarding page escapes its target', () => {
    expect(redirectPage('https://example.gov.cn/a"b', 'https://s.example')).not.toContain('a"b')
  })
})
