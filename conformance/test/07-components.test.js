// Seam Components (@seamapi/react, its framework-free custom elements) in headless Chromium against this server: the
// walk a user makes, once signed in with the publishable key and once with a client session token. The elements,
// their stylesheet and the font they use come from node_modules through lib/static-server.js; every request that is
// not to this machine is stopped and recorded, and none may be made.
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'

import { chromium } from 'playwright-core'

import { apiKeyClient, endpoint, resetSandbox, seed } from '../lib/env.js'
import { startStaticServer } from '../lib/static-server.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const outDir = process.env.CONFORMANCE_OUT ?? path.resolve(here, '..', '..', 'target', 'conformance')
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

// The flags for Chromium as root with no outside network (Playwright would add --headless and --no-sandbox itself, and
// always adds a fresh --user-data-dir).
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** The API as the browser sees it: "localhost" when the suite got 127.0.0.1, so the page is cross-origin. */
const apiForBrowser = (() => {
  const url = new URL(endpoint)
  if (url.hostname === '127.0.0.1') url.hostname = 'localhost'
  return url.toString().replace(/\/+$/, '')
})()

const localHosts = new Set(['127.0.0.1', 'localhost'])

// The components draw a device with properties.image_url, and without one with a picture from Seam's site; every
// device this server answers carries its own, served by the server itself.
const deviceImagePath = '/internal/devicedb_image_proxy'

const johnDeviceNames = ['Fake August Lock 1', 'Fake August Lock 2', 'Thermostat 1', 'Minut Sensor 1']
const janeDeviceName = 'Bathroom Door'
/** John's devices once the walk has renamed the second lock. */
const renamed = johnDeviceNames.map((name) => (name === 'Fake August Lock 2' ? 'Garage Door' : name))

let browser
let pageServer

before(async () => {
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium is not installed at ${executablePath}; this test needs it and does not skip. ` +
        'Run `bash conformance/install-browser.sh` (apt-get install -y chromium), or set CHROMIUM_PATH.',
    )
  }
  await mkdir(outDir, { recursive: true })
  pageServer = await startStaticServer()
  browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs, timeout: 60_000 })
})

after(async () => {
  await browser?.close()
  await pageServer?.close()
})

/** One browser context and page for one way in, with the network guard and a log of what the page did. */
async function openSession(query, label) {
  // A fixed time zone: the components show times (noise thresholds) in the browser's zone.
  const context = await browser.newContext({ viewport: { width: 900, height: 900 }, timezoneId: 'America/Los_Angeles' })
  const outside = []
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url())
    if (localHosts.has(url.hostname)) return route.continue()
    outside.push(url.href)
    return route.abort('blockedbyclient')
  })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  const log = []
  const api = []
  const failures = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') log.push(`console.${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => log.push(`pageerror: ${error.message}`))
  page.on('requestfailed', (request) => log.push(`requestfailed: ${request.url()} ${request.failure()?.errorText}`))
  page.on('response', async (response) => {
    const url = response.url()
    if (!url.startsWith(apiForBrowser)) return
    const entry = { method: response.request().method(), path: new URL(url).pathname, status: response.status() }
    if (entry.path === deviceImagePath) entry.contentType = response.headers()['content-type']
    api.push(entry)
    if (entry.path.startsWith('/locks/') && entry.method !== 'OPTIONS') entry.json = await response.json().catch(() => null)
    if (entry.status >= 400 && entry.method !== 'OPTIONS') {
      entry.body = await response.text().catch(() => '')
      failures.push(entry)
    }
  })
  const url = (extra = {}) =>
    `${pageServer.origin}/components.html?${new URLSearchParams({ endpoint: apiForBrowser, ...query, ...extra })}`
  const shot = (name) => page.screenshot({ path: path.join(outDir, `components-${label}-${name}.png`), fullPage: true })
  const why = () =>
    `\nAPI failures: ${JSON.stringify(failures, null, 1)}\npage log:\n${log.join('\n')}\noutside: ${outside.join(', ')}`
  return { context, page, url, shot, why, api, failures, outside, log }
}

/** Waits for the device table to show the given device names, and returns the names it shows. */
async function tableNames(page, expected, why) {
  const rows = page.locator('seam-device-table .seam-table-row .seam-truncated-text')
  try {
    await page.waitForFunction(
      (count) => document.querySelectorAll('seam-device-table .seam-table-row').length === count,
      expected.length,
      { timeout: 30_000 },
    )
  } catch (error) {
    throw new Error(`the device table did not show ${expected.length} devices: ${error.message}${why()}`)
  }
  return (await rows.allTextContents()).map((name) => name.trim()).sort()
}

/** Opens the page afresh (each step starts from the device table) and waits for the table. */
async function home(s, names) {
  await s.page.goto(s.url())
  return tableNames(s.page, names, s.why)
}

async function openDevice(page, name) {
  await page.locator('seam-device-table .seam-table-row', { hasText: name }).click()
  await page.locator('seam-device-table .seam-device-details').waitFor({ timeout: 15_000 })
}

// The access-code list of a device, empty. Seen once in CI: the click on the access-code count
// left the list unopened for 15 s; a user would go back and open it again, so the walk does too
// (at most three times) before it fails.
async function openEmptyAccessCodes(s, deviceName) {
  for (let attempt = 1; ; attempt++) {
    await home(s, johnDeviceNames)
    await openDevice(s.page, deviceName)
    await s.page.locator('seam-device-table .seam-access-codes').click()
    try {
      await s.page.getByText('Sorry, no access codes were found').waitFor({ timeout: 10_000 })
      return
    } catch (error) {
      if (attempt >= 3) throw error
    }
  }
}

const deviceOf = async (deviceId) => (await apiKeyClient().devices.get({ device_id: deviceId }))

function walk(label, query) {
  describe(`Seam Components with ${label}`, () => {
    let s

    before(async () => {
      await resetSandbox()
      s = await openSession(query, label === 'a publishable key' ? 'publishable-key' : 'client-session-token')
    })

    after(async () => {
      await s?.context.close()
    })

    it("the device table lists exactly the session's devices, the thermostat included and Jane's door not", async () => {
      const names = await home(s, johnDeviceNames)
      await s.shot('devices')
      assert.deepEqual(names, [...johnDeviceNames].sort(), s.why())
      assert.ok(!names.includes(janeDeviceName))
      assert.match(await s.page.locator('seam-device-table .seam-table-title').textContent(), /Devices\s*\(4\)/)
      const listed = s.api.filter((entry) => entry.path === '/devices/list')
      assert.ok(listed.length > 0 && listed.every((entry) => entry.status === 200), s.why())
    })

    it("every device's picture is the one its image_url names, loaded from this server", async () => {
      await home(s, johnDeviceNames)
      const images = s.page.locator('seam-device-table .seam-table-row img')
      await s.page.waitForFunction(
        () => {
          const shown = [...document.querySelectorAll('seam-device-table .seam-table-row img')]
          return shown.length === 4 && shown.every((image) => image.complete && image.naturalWidth > 0)
        },
        null,
        { timeout: 15_000 },
      ).catch((error) => assert.fail(`the device pictures did not load: ${error.message}${s.why()}`))
      const sources = await images.evaluateAll((shown) => shown.map((image) => image.currentSrc))
      const expected = await Promise.all(
        ['august_device_1', 'august_device_2', 'ecobee_device_1', 'minut_device_1'].map(
          async (deviceId) => (await deviceOf(deviceId)).properties.image_url,
        ),
      )
      assert.deepEqual([...new Set(sources)].sort(), [...new Set(expected)].sort(), s.why())
      for (const source of sources) assert.equal(new URL(source).origin, apiForBrowser, source)
      const served = s.api.filter((entry) => entry.path === deviceImagePath)
      assert.ok(served.length > 0, `no device picture was requested${s.why()}`)
      assert.ok(served.every((entry) => entry.status === 200 && entry.contentType === 'image/png'), s.why())
      await s.shot('devices')
    })

    it('styles and fonts come from this machine: the stylesheet applies and Source Sans Pro is loaded', async () => {
      const family = await s.page.evaluate(
        () => getComputedStyle(document.querySelector('.seam-components')).fontFamily,
      )
      assert.match(family, /Source Sans Pro/)
      await s.page.evaluate(() => document.fonts.ready)
      assert.equal(await s.page.evaluate(() => document.fonts.check('16px "Source Sans Pro"')), true)
      const loaded = await s.page.evaluate(() =>
        [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family),
      )
      assert.ok(loaded.some((family) => family.includes('Source Sans Pro')), `fonts loaded: ${loaded}`)
    })

    it('unlocks, then locks a lock: each action attempt completes and the status shows', async () => {
      const { page } = s
      await home(s, johnDeviceNames)
      await openDevice(page, 'Fake August Lock 1')
      const status = page.locator('seam-device-table .seam-lock-status .seam-value')
      await status.getByText('Locked', { exact: true }).waitFor()
      await page.locator('seam-device-table .seam-lock-status button', { hasText: 'Unlock' }).click()
      await page.getByText('Lock status has been successfully updated').waitFor({ timeout: 20_000 })
      await status.getByText('Unlocked', { exact: true }).waitFor()
      await s.shot('unlocked')
      assert.equal((await deviceOf('august_device_1')).properties.locked, false, s.why())

      await page.locator('seam-device-table .seam-lock-status button', { hasText: /^Lock$/ }).click()
      await status.getByText('Locked', { exact: true }).waitFor({ timeout: 20_000 })
      await waitUntil(async () => (await deviceOf('august_device_1')).properties.locked === true, s.why)
      const actions = s.api.filter((entry) => /^\/locks\/(unlock|lock)_door$/.test(entry.path) && entry.method !== 'OPTIONS')
      assert.deepEqual(actions.map((entry) => `${entry.path} ${entry.status}`), [
        '/locks/unlock_door 200',
        '/locks/lock_door 200',
      ], s.why())
      for (const entry of actions) {
        const attempt = await apiKeyClient().actionAttempts.get({ action_attempt_id: entry.json.action_attempt.action_attempt_id })
        assert.equal(attempt.status, 'success', JSON.stringify(attempt))
      }
      assert.equal(s.failures.length, 0, s.why())
    })

    it('creates, edits and deletes an access code', async () => {
      const { page } = s
      await openEmptyAccessCodes(s, 'Fake August Lock 1')
      await page.locator('seam-device-table .seam-add-button').click()
      const inputs = page.locator('seam-device-table .seam-access-code-form input.seam-text-field-input')
      await inputs.nth(0).fill('Dog walker')
      await inputs.nth(1).fill('4821')
      await s.shot('access-code-form')
      await page.locator('seam-device-table .seam-access-code-form button[type=submit]').click()
      const row = page.locator('seam-device-table .seam-table-row', { hasText: 'Dog walker' })
      await row.waitFor({ timeout: 20_000 })
      const [created] = await apiKeyClient().accessCodes.list({ device_id: 'august_device_1' })
      assert.equal(created?.name, 'Dog walker', s.why())
      assert.equal(created.code, '4821')

      await row.locator('.seam-action-cell button').click()
      await page.locator('.seam-menu-item:visible', { hasText: 'Edit code' }).click()
      const editInputs = page.locator('seam-device-table .seam-access-code-form input.seam-text-field-input')
      await editInputs.nth(0).fill('Dog walker (weekdays)')
      await editInputs.nth(1).fill('4822')
      await page.locator('seam-device-table .seam-access-code-form button[type=submit]').click()
      await page.getByText('Access code updated').waitFor({ timeout: 20_000 })
      await waitUntil(async () => {
        const code = await apiKeyClient().accessCodes.get({ access_code_id: created.access_code_id })
        return code.name === 'Dog walker (weekdays)' && code.code === '4822'
      }, s.why)
      // The components' edit form updates only its own cache entry, not the table's list (4.14.2), so the user sees
      // the new name when they come back to the lock's codes: reload and go there again.
      await home(s, johnDeviceNames)
      await openDevice(page, 'Fake August Lock 1')
      await page.locator('seam-device-table .seam-access-codes', { hasText: '1 access codes' }).click()
      const edited = page.locator('seam-device-table .seam-table-row', { hasText: 'Dog walker (weekdays)' })
      await edited.waitFor({ timeout: 20_000 })
      assert.match(await edited.textContent(), /4822/)
      await s.shot('access-code-edited')

      await edited.locator('.seam-action-cell button').click()
      await page.locator('.seam-menu-item:visible', { hasText: 'Delete code' }).click()
      await page.locator('.seam-delete-confirmation button:visible', { hasText: /^Delete$/ }).click()
      await page.getByText('Sorry, no access codes were found').waitFor({ timeout: 20_000 })
      await waitUntil(async () => (await apiKeyClient().accessCodes.list({ device_id: 'august_device_1' })).length === 0, s.why)
      assert.equal(s.failures.length, 0, s.why())
    })

    it('renames a device, and the new name is still there after a reload', async () => {
      const { page } = s
      await home(s, johnDeviceNames)
      await openDevice(page, 'Fake August Lock 2')
      await page.locator('seam-device-table .seam-editable-device-name-icon-button').click()
      const input = page.locator('seam-device-table .seam-editable-device-name input')
      await input.fill('Garage Door')
      await input.press('Enter')
      await waitUntil(async () => (await deviceOf('august_device_2')).properties.name === 'Garage Door', s.why)
      await page.reload()
      const names = await tableNames(page, johnDeviceNames, s.why)
      assert.ok(names.includes('Garage Door'), `${names}${s.why()}`)
      assert.ok(!names.includes('Fake August Lock 2'))
      await s.shot('renamed')
    })

    it("changes the thermostat's mode", async () => {
      const { page } = s
      await home(s, renamed)
      await openDevice(page, 'Thermostat 1')
      await page.locator('seam-device-table .seam-accordion-row-trigger', { hasText: 'Climate' }).click()
      await page.locator('seam-device-table .seam-climate-mode-menu-button').click()
      await page.locator('.seam-menu-item:visible', { hasText: 'Off' }).click()
      // The components send the change after a 2 s debounce, and show "Saved" when the server accepted it.
      await page.locator('seam-device-table .seam-thermostat-mutation-status.is-visible').waitFor({ timeout: 20_000 })
      await s.shot('thermostat-off')
      await waitUntil(
        async () => (await deviceOf('ecobee_device_1')).properties.current_climate_setting?.hvac_mode_setting === 'off',
        s.why,
      )
      assert.ok(s.api.some((entry) => entry.path === '/thermostats/off' && entry.status === 200), s.why())
      assert.equal(s.failures.length, 0, s.why())
    })

    it("shows the noise sensor's thresholds", async () => {
      const { page } = s
      await home(s, renamed)
      await openDevice(page, 'Minut Sensor 1')
      const thresholds = page.locator('seam-device-table .seam-detail-row', { hasText: 'Quiet hours' })
      await thresholds.waitFor({ timeout: 15_000 })
      const text = (await thresholds.textContent()).replace(/\s+/g, ' ')
      assert.match(text, /60 dB/)
      assert.match(text, /10:00\s*PM/i)
      assert.match(text, /8:00\s*AM/i)
      const properties = (await page.locator('seam-device-table .seam-device-details .seam-properties').textContent())
      assert.match(properties.replace(/\s+/g, ' '), /Noise level:\s*70 dB \(noisy\)/, 'the level and the triggered threshold')
      await s.shot('noise-thresholds')
      assert.equal(s.failures.length, 0, s.why())
    })

    it('connects an account through the Connect Webview page and comes back to the new devices', async () => {
      const { page } = s
      await home(s, renamed)
      await page.locator('seam-connect-account-button button').click()
      await page.waitForURL((url) => url.pathname === '/connect_webviews/view', { timeout: 20_000 })
      assert.equal(new URL(page.url()).origin, apiForBrowser, 'the webview page is served by the server under test')
      await page.locator('#connect').waitFor()
      await s.shot('connect-webview')
      await page.locator('#connect').click()
      await page.waitForURL((url) => url.origin === pageServer.origin, { timeout: 20_000 })
      const names = await tableNames(page, [...johnDeviceNames, 'August Lock 1', 'August Lock 2'], s.why)
      assert.deepEqual(
        names,
        ['August Lock 1', 'August Lock 2', 'Fake August Lock 1', 'Garage Door', 'Minut Sensor 1', 'Thermostat 1'],
        s.why(),
      )
      assert.ok(!names.includes(janeDeviceName))
      const models = await page.locator('seam-device-table .seam-table-row').evaluateAll((rows) =>
        rows
          .filter((row) => /^August Lock \d$/.test(row.querySelector('.seam-truncated-text').textContent.trim()))
          .map((row) => row.querySelector('.seam-device-model').textContent.replace(/\s+/g, ' ').trim()),
      )
      assert.deepEqual(models, ['August Smart Lock', 'August Smart Lock'])
      await s.shot('connected')
    })

    it('nothing came from the network: every request went to this machine', () => {
      assert.deepEqual(s.outside, [], s.why())
      const telemetry = s.api.filter((entry) => entry.path === '/internal/tlmtry' && entry.method === 'POST')
      assert.ok(telemetry.length > 0, 'the components sent their telemetry to the server')
      assert.ok(telemetry.every((entry) => entry.status === 200), s.why())
    })
  })
}

async function waitUntil(check, why, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  assert.fail(`condition not met within ${timeoutMs} ms${why()}`)
}

walk('a publishable key', { publishable_key: seed.publishableKey, user_identifier_key: seed.johnKey })
walk('a client session token', { token: seed.clientSessionToken })
