import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { guardApi } from '../../../../security/guard.ts'

// Every REST call passes the guard first (malformed queries, oversized bodies, cross-origin writes).
export const GET = guardApi(config, REST_GET(config))
export const POST = guardApi(config, REST_POST(config))
export const DELETE = guardApi(config, REST_DELETE(config))
export const PATCH = guardApi(config, REST_PATCH(config))
export const PUT = guardApi(config, REST_PUT(config))
export const OPTIONS = guardApi(config, REST_OPTIONS(config))
