/**
 * Checks the query of a REST read (`where`, `depth`, `limit`, `page`, `sort`, `joins`) before Payload runs
 * it. Payload passes malformed queries to the database, which answers with a 500 (unknown operators such as
 * `near` on a text field, objects where a value belongs, numbers beyond any integer, a `like` of thousands
 * of words); and large `depth`/`limit`/`joins` multiply the work one anonymous request can cause. Here such
 * queries get a 400 with an English message (API users are developers), and anonymous readers get a
 * smaller budget than staff.
 */

/** Budgets per request. Anonymous: at most 100 documents, each populated 2 levels deep. */
export const QUERY_BUDGET = {
  anonymous: { depth: 2, limit: 100, joinLimit: 20, allowUnlimited: false },
  staff: { depth: 5, limit: 1000, joinLimit: 100, allowUnlimited: true },
} as const
export type QueryBudget = (typeof QUERY_BUDGET)[keyof typeof QUERY_BUDGET]

/** The operators Payload supports for the field types this CMS has (no point fields: no near/within). */
const OPERATORS = new Set([
  'equals',
  'not_equals',
  'in',
  'not_in',
  'like',
  'not_like',
  'contains',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'exists',
])
const LIST_OPERATORS = new Set(['in', 'not_in'])
const TEXT_OPERATORS = new Set(['like', 'not_like', 'contains'])

const MAX_CONDITIONS = 50
const MAX_NESTING = 6
const MAX_VALUE_LENGTH = 500
const MAX_TEXT_WORDS = 10
const MAX_LIST = 100
const FIELD_PATH = /^[A-Za-z_][\w]*(\.[A-Za-z_0-9][\w]*){0,5}$/

type Query = Record<string, unknown>

/** Returns why the query is refused, or undefined when it may run. */
export function checkQuery(query: Query, budget: QueryBudget): string | undefined {
  const depth = integerParam(query.depth, 'depth', 0, budget.depth)
  if (depth) return depth
  if (query.limit !== undefined) {
    const limit = integerParam(query.limit, 'limit', 0, budget.limit)
    if (limit) return limit
    if (Number(query.limit) === 0 && !budget.allowUnlimited)
      return 'limit=0 (all documents) is not available without logging in; page through with limit and page'
  }
  const page = integerParam(query.page, 'page', 1, 1_000_000)
  if (page) return page
  if (!budget.allowUnlimited && String(query.pagination) === 'false')
    return 'pagination=false is not available without logging in; page through with limit and page'
  const sort = checkSort(query.sort)
  if (sort) return sort
  if (query.where !== undefined) {
    const count = { conditions: 0 }
    const where = checkWhere(query.where, 'where', 0, count)
    if (where) return where
  }
  return checkJoins(query.joins, budget)
}

function integerParam(value: unknown, name: string, min: number, max: number): string | undefined {
  if (value === undefined || value === '') return undefined
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d{1,15}$/.test(value)
        ? Number(value)
        : NaN
  if (!Number.isSafeInteger(n) || n < min || n > max)
    return `${name} must be a whole number from ${min} to ${max}`
  return undefined
}

function checkSort(sort: unknown): string | undefined {
  if (sort === undefined) return undefined
  const list = Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : [sort]
  if (list.length > 10) return 'sort: at most 10 fields'
  for (const entry of list)
    if (typeof entry !== 'string' || !FIELD_PATH.test(entry.replace(/^-/, '')))
      return `sort: "${String(entry).slice(0, 40)}" is not a field name`
  return undefined
}

function checkWhere(
  where: unknown,
  at: string,
  nesting: number,
  count: { conditions: number },
): string | undefined {
  if (nesting > MAX_NESTING) return `${at}: nested more than ${MAX_NESTING} levels`
  if (!isPlainObject(where)) return `${at}: expected an object of field conditions`
  for (const [key, value] of Object.entries(where)) {
    if (key === 'and' || key === 'or') {
      const list = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : null
      if (!list) return `${at}[${key}]: expected a list of conditions`
      for (const [i, sub] of list.entries()) {
        const problem = checkWhere(sub, `${at}[${key}][${i}]`, nesting + 1, count)
        if (problem) return problem
      }
      continue
    }
    if (!FIELD_PATH.test(key)) return `${at}: "${key.slice(0, 40)}" is not a field name`
    if (!isPlainObject(value)) return `${at}[${key}]: expected an operator, e.g. ${at}[${key}][equals]=…`
    for (const [operator, operand] of Object.entries(value)) {
      if (++count.conditions > MAX_CONDITIONS) return `where: at most ${MAX_CONDITIONS} conditions`
      const problem = checkOperand(`${at}[${key}][${operator}]`, operator, operand)
      if (problem) return problem
    }
  }
  return undefined
}

function checkOperand(at: string, operator: string, operand: unknown): string | undefined {
  if (!OPERATORS.has(operator)) return `${at}: unsupported operator (use one of ${[...OPERATORS].join(', ')})`
  if (LIST_OPERATORS.has(operator)) {
    const list = Array.isArray(operand) ? operand : typeof operand === 'string' ? operand.split(',') : null
    if (!list) return `${at}: expected a comma-separated list`
    if (list.length > MAX_LIST) return `${at}: at most ${MAX_LIST} values`
    return list.every(isScalar) ? undefined : `${at}: expected plain values`
  }
  if (!isScalar(operand)) return `${at}: expected a plain value, not an object or list`
  const text = String(operand)
  if (text.length > MAX_VALUE_LENGTH) return `${at}: value longer than ${MAX_VALUE_LENGTH} characters`
  if (TEXT_OPERATORS.has(operator) && text.trim().split(/\s+/).length > MAX_TEXT_WORDS)
    return `${at}: at most ${MAX_TEXT_WORDS} words`
  return undefined
}

function checkJoins(joins: unknown, budget: QueryBudget): string | undefined {
  if (joins === undefined || joins === 'false' || joins === false) return undefined
  if (!isPlainObject(joins)) return 'joins: expected joins[<field>][limit]=… or joins=false'
  for (const [name, options] of Object.entries(joins)) {
    if (options === 'false' || options === false) continue
    if (!FIELD_PATH.test(name) || !isPlainObject(options))
      return `joins[${name.slice(0, 40)}]: expected options`
    const limit = integerParam(
      options.limit,
      `joins[${name}][limit]`,
      budget.allowUnlimited ? 0 : 1,
      budget.joinLimit,
    )
    if (limit) return limit
    const page = integerParam(options.page, `joins[${name}][page]`, 1, 1_000_000)
    if (page) return page
    const sort = checkSort(options.sort)
    if (sort) return sort
    if (options.where !== undefined) {
      const where = checkWhere(options.where, `joins[${name}][where]`, 0, { conditions: 0 })
      if (where) return where
    }
  }
  return undefined
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isScalar(value: unknown): boolean {
  return (
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null
  )
}
