// The second origin of the browser tests: a tiny static server for browser/ and, from node_modules, the SDK's own files
// (unbundled ES modules), Seam Components' custom elements bundle with its CSS, and the Source Sans Pro font files that
// the components otherwise load from the network. The one CommonJS dependency (is-retry-allowed, used by axios-retry)
// is wrapped into an ES module on the fly.
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const pageDir = path.join(root, 'browser')
const modulesDir = path.join(root, 'node_modules')

/** node_modules folders the page may load, and nothing else. */
const vendorPrefixes = [
  '@seamapi/http/',
  '@seamapi/url-search-params-serializer/',
  'axios/dist/esm/',
  'axios-retry/dist/esm/',
  '@seamapi/react/dist/',
  '@fontsource/source-sans-pro/',
]

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
}

/** Pages of browser/ served at /<name>. */
const pages = new Set(['app.js', 'components.html', 'components.js'])

async function resolve(pathname) {
  if (pathname === '/' || pathname === '/index.html') return { file: path.join(pageDir, 'index.html') }
  const name = pathname.slice(1)
  if (pages.has(name)) return { file: path.join(pageDir, name) }
  if (pathname === '/shim/is-retry-allowed.js') {
    const source = await readFile(path.join(modulesDir, 'is-retry-allowed', 'index.js'), 'utf8')
    return {
      body: `const module = { exports: {} };\n(function (module, exports) {\n${source}\n})(module, module.exports);\n` +
        'export default module.exports;\n',
      type: types['.js'],
    }
  }
  if (pathname.startsWith('/vendor/')) {
    const relative = decodeURIComponent(pathname.slice('/vendor/'.length))
    const file = path.resolve(modulesDir, relative)
    const allowed = vendorPrefixes.some((prefix) => file.startsWith(path.join(modulesDir, prefix)))
    if (allowed) return { file }
  }
  return null
}

/** Starts the server on 127.0.0.1 and a free port; resolves to { origin, close() }. */
export async function startStaticServer() {
  const server = createServer(async (request, response) => {
    try {
      const { pathname } = new URL(request.url, 'http://placeholder')
      const found = await resolve(pathname)
      if (found == null) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
        return
      }
      const body = found.body ?? (await readFile(found.file))
      const type = found.type ?? types[path.extname(found.file)] ?? 'application/octet-stream'
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body)
    } catch (error) {
      const status = error.code === 'ENOENT' ? 404 : 500
      response.writeHead(status, { 'content-type': 'text/plain' }).end(String(error.message))
    }
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address()
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}
