import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { chooseDatabase, DatabaseUriError, redactUri, transactionsWarning } from '../../cms/db.ts'
import { dataDir, ROOT } from '../../cms/paths.ts'

describe('database choice from DATABASE_URI', () => {
  it('defaults to the embedded SQLite file under data/, as an absolute path', () => {
    const choice = chooseDatabase(undefined)
    expect(choice.kind).toBe('sqlite')
    expect(choice.url).toBe(`file:${path.join(dataDir(), 'cms.db')}`)
    expect(path.isAbsolute(choice.url.slice(5))).toBe(true)
  })

  it('treats an empty value like an unset one', () => {
    expect(chooseDatabase('  ').kind).toBe('sqlite')
  })

  it('resolves relative file: paths from the repository root', () => {
    expect(chooseDatabase('file:tmp/x.db').url).toBe(`file:${path.join(ROOT, 'tmp', 'x.db')}`)
    expect(chooseDatabase('file:/var/lib/cms.db').url).toBe('file:/var/lib/cms.db')
  })

  it('selects MongoDB for mongodb:// and mongodb+srv://', () => {
    expect(chooseDatabase('mongodb://127.0.0.1:27017/minhu')).toEqual({
      kind: 'mongodb',
      url: 'mongodb://127.0.0.1:27017/minhu',
    })
    expect(chooseDatabase('mongodb+srv://u:p@cluster.example.org/minhu').kind).toBe('mongodb')
  })

  it.each(['mysql://root@localhost/db', 'postgres://localhost/db', 'cms.db', 'mongodb://', 'file:'])(
    'rejects %s with one line naming DATABASE_URI',
    (uri) => {
      expect(() => chooseDatabase(uri)).toThrow(DatabaseUriError)
      try {
        chooseDatabase(uri)
      } catch (error) {
        const message = (error as Error).message
        expect(message.startsWith('DATABASE_URI:')).toBe(true)
        expect(message).not.toContain('\n')
      }
    },
  )

  it('never prints a password from the URI', () => {
    expect(redactUri('mongodb://editor:s3cret@db.example.org/minhu')).toBe(
      'mongodb://editor:***@db.example.org/minhu',
    )
    expect(() => chooseDatabase('redis://user:s3cret@host')).toThrow(/\*\*\*/)
  })

  it('warns in one line, without the password, when MongoDB would run without transactions', () => {
    const warning = transactionsWarning(chooseDatabase('mongodb://editor:s3cret@db.example.org/minhu'))
    expect(warning).toMatch(/^DATABASE_URI: .*replicaSet/)
    expect(warning).not.toContain('s3cret')
    expect(warning).not.toContain('\n')
    for (const uri of [
      'mongodb://db1.example.org,db2.example.org/minhu?replicaSet=rs0',
      'mongodb://db.example.org/minhu?authSource=admin&replicaSet=rs0',
      'mongodb+srv://u:p@cluster.example.org/minhu',
      'file:data/cms.db',
    ])
      expect(transactionsWarning(chooseDatabase(uri)), uri).toBeNull()
  })
})
