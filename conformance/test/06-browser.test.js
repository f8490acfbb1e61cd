// A real browser: headless Chromium (Debian's, driven by playwright-core) opens a page served from one origin that
// uses Seam's SDK to call the server on another origin with a client session token. Proves CORS with credentials
// (the SDK fetches with credentials: 'include') end to end, and that a revoked token fails visibly.
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'

import { chromium } from 'playwright-core'

import { apiKeyClient, endpoint, resetSandbox, seed, uniqueKey } from '../lib/env.js'
import { startStaticServer } from '../lib/static-server.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const outDir = process.env.CONFORMANCE_OUT ?? path.resolve(here, '..', '..', 'target', 'conformance')
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

// The flags this machine needs for Chromium as root with no outside network. Playwright adds --headless, a fresh
// temporary --user-data-dir and --no-sandbox (chromiumSandbox: false) itself.
const chromiumArgs = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** The API as the browser sees it: on "localhost" when the suite got 127.0.0.1, so that host and port both differ. */
const apiForBrowser = (() => {
  const url = new URL(endpoint)
  if (url.hostname === '127.0.0.1') url.hostname = 'localhost'
  return url.toString().replace(/\/+$/, '')
})()

let browser
let pageServer

before(async () => {
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium is not installed at ${executablePath}; the browser test needs it and does not skip. ` +
        '.ci/run installs it with `bash conformance/install-browser.sh` (apt-get install -y chromium); ' +
        'run that script, or set CHROMIUM_PATH.',
    )
  }
  await resetSandbox()
  await mkdir(outDir, { recursive: true })
  pageServer = await startStaticServer()
  assert.notEqual(new URL(pageServer.origin).origin, new URL(apiForBrowser).origin, 'page and API must be cross-origin')
  browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs, timeout: 60_000 })
})

after(async () => {
  await browser?.close()
  await pageServer?.close()
})

/** Opens the page with a token, waits until it has finished (devices listed or error shown), and screenshots it. */
async function openDevicesPage(token, screenshotName) {
  const page = await browser.newPage({ viewport: { width: 900, height: 520 } })
  const log = []
  page.on('console', (message) => log.push(`console.${message.type()}: ${message.text()}`))
  page.on('pageerror', (error) => log.push(`pageerror: ${error.message}`))
  page.on('requestfailed', (request) => log.push(`requestfailed: ${request.url()} ${request.failure()?.errorText}`))
  const apiResponses = []
  page.on('response', (response) => {
    if (response.url().startsWith(apiForBrowser)) apiResponses.push(response)
  })

  const url = `${pageServer.origin}/?${new URLSearchParams({ endpoint: apiForBrowser, token })}`
  await page.goto(url)
  try {
    await page.waitForFunction(() => document.body.dataset.state !== 'loading', null, { timeout: 30_000 })
  } catch (error) {
    throw new Error(`the page did not finish loading: ${error.message}\n${log.join('\n')}`)
  } finally {
    await page.screenshot({ path: path.join(outDir, screenshotName), fullPage: true })
  }
  const result = {
    state: await page.evaluate(() => document.body.dataset.state),
    session: await page.locator('#session').textContent(),
    deviceIds: (await page.locator('#devices li').evaluateAll((items) => items.map((li) => li.dataset.deviceId))).sort(),
    errorVisible: await page.locator('#error').isVisible(),
    errors: Object.fromEntries(
      await page.locator('#errors li').evaluateAll((items) => items.map((li) => [li.dataset.call, li.dataset.errorName])),
    ),
    requestIds: Object.fromEntries(
      await page.locator('#errors li').evaluateAll((items) => items.map((li) => [li.dataset.call, li.dataset.requestId])),
    ),
    errorText: await page.locator('#error').textContent(),
    apiResponses: await Promise.all(
      apiResponses.map(async (response) => ({
        url: response.url(),
        status: response.status(),
        headers: await response.allHeaders(),
      })),
    ),
    log,
  }
  await page.close()
  return result
}

const describeResult = (result) => JSON.stringify({ ...result, apiResponses: result.apiResponses.map((r) => `${r.status} ${r.url}`) }, null, 2)

describe("a browser page on another origin, with john's client session token", () => {
  let result

  before(async () => {
    result = await openDevicesPage(seed.clientSessionToken, 'browser.png')
  })

  it('reads its session through the SDK across origins, the server allowing credentials for that origin', () => {
    assert.match(result.session, new RegExp(`Signed in as ${seed.johnKey}`), describeResult(result))
    assert.match(result.session, /4 device\(s\) granted/)
    const sessionResponse = result.apiResponses.find((response) => response.url.includes('/client_sessions/get'))
    assert.ok(sessionResponse, `no /client_sessions/get response seen: ${describeResult(result)}`)
    assert.equal(sessionResponse.status, 200)
    assert.equal(sessionResponse.headers['access-control-allow-origin'], pageServer.origin)
    assert.equal(sessionResponse.headers['access-control-allow-credentials'], 'true')
  })

  it("lists the user's four seeded devices", () => {
    assert.equal(result.state, 'done', describeResult(result))
    assert.deepEqual(result.deviceIds, [...seed.johnDevices].sort())
    assert.equal(result.errorVisible, false)
    const listResponse = result.apiResponses.find((response) => response.url.includes('/devices/list'))
    assert.equal(listResponse?.headers['access-control-allow-origin'], pageServer.origin)
    assert.equal(listResponse?.headers['access-control-allow-credentials'], 'true')
  })
})

describe('the same page with a revoked client session token', () => {
  let result

  before(async () => {
    const api = apiKeyClient()
    const session = await api.clientSessions.create({
      user_identifier_key: uniqueKey('browser'),
      connected_account_ids: [seed.johnAccount],
    })
    await api.clientSessions.revoke({ client_session_id: session.client_session_id })
    result = await openDevicesPage(session.token, 'browser-revoked.png')
  })

  it('fails visibly: the error box shows SeamHttpUnauthorizedError (client session revoked), no session, no devices', () => {
    assert.equal(result.state, 'error', describeResult(result))
    assert.equal(result.errorVisible, true)
    assert.equal(result.errors['clientSessions.get'], 'SeamHttpUnauthorizedError', describeResult(result))
    assert.match(result.errorText, /client session revoked/)
    assert.match(result.requestIds['clientSessions.get'] ?? '', /^request/, 'seam-request-id is exposed to the page')
    assert.equal(result.session, '')
    assert.deepEqual(result.deviceIds, [])
  })

  it('the device listing itself is refused with SeamHttpUnauthorizedError', () => {
    assert.equal(result.errors['devices.list'], 'SeamHttpUnauthorizedError', describeResult(result))
  })

  it('the 401 answers carry the CORS headers, so the SDK in the page can read them', () => {
    const refused = result.apiResponses.filter((response) => response.status === 401)
    assert.ok(refused.length > 0, describeResult(result))
    for (const response of refused) {
      assert.equal(response.headers['access-control-allow-origin'], pageServer.origin, response.url)
      assert.equal(response.headers['access-control-allow-credentials'], 'true', response.url)
    }
  })
})
