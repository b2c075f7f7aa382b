/**
 * The site server (scripts/lib/site-server.ts, as `npm start` runs it) in a process of its own, for
 * bench/load.ts: the load generator then does not share the server's event loop.
 *   tsx bench/serve-site.ts <built site folder> <cms url>
 * Prints the site's URL once it listens; stops on SIGTERM.
 */
import { serveSite } from '../scripts/lib/site-server.ts'

const [root, cmsUrl] = process.argv.slice(2)
const server = await serveSite({ root: () => root, port: 0, cmsUrl })
console.log(server.url)
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)))
