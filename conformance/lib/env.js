// Shared setup of the conformance suite: where the server is, the seed's credentials (BEHAVIOUR 7.1), and small helpers.
import assert from 'node:assert/strict'

import {
  SeamHttp,
  SeamHttpApiError,
  SeamHttpInvalidInputError,
  SeamHttpUnauthorizedError,
} from '@seamapi/http'

const rawEndpoint = process.env.SEAM_ENDPOINT
if (rawEndpoint == null || rawEndpoint === '') {
  throw new Error(
    'SEAM_ENDPOINT is not set: run the suite through ./mvnw verify, or start the server with SEAM_SEED=true and ' +
      'run `SEAM_ENDPOINT=http://127.0.0.1:8080 npm test` in conformance/',
  )
}

/** Base URL of the server under test, without a trailing slash. */
export const endpoint = rawEndpoint.replace(/\/+$/, '')

/** The seed fixture of BEHAVIOUR 7.1, literally. */
export const seed = Object.freeze({
  workspace1: 'seed_workspace_1',
  workspace2: 'seed_workspace_2',
  apiKey1: 'seam_apikey1_token',
  apiKey2: 'seam_apikey2_token',
  publishableKey: 'seam_pk1_token',
  clientSessionToken: 'seam_cst1_token',
  clientSessionId: 'cst1',
  personalAccessToken: 'seam_at1_shorttoken_longtoken',
  johnKey: 'john_user_identifier_key',
  johnAccount: 'john_connected_account_id',
  janeAccount: 'jane_connected_account_id',
  webview: 'connect_webview1',
  userIdentity: 'john_user_identity_id',
  johnDevices: Object.freeze(['august_device_1', 'august_device_2', 'ecobee_device_1', 'minut_device_1']),
  janeDevice: 'schlage_device_id',
  allDevices: Object.freeze([
    'august_device_1',
    'august_device_2',
    'ecobee_device_1',
    'minut_device_1',
    'schlage_device_id',
  ]),
})

/** Keys of the public client_session shape (BEHAVIOUR 6.1): required ones, then the optional ones. */
export const clientSessionKeys = Object.freeze([
  'client_session_id',
  'workspace_id',
  'created_at',
  'expires_at',
  'token',
  'user_identifier_key',
  'device_count',
  'connected_account_ids',
  'connect_webview_ids',
  'user_identity_ids',
])
export const optionalClientSessionKeys = Object.freeze(['user_identity_id', 'customer_key'])

/** SDK clients for the seed's credentials, all pointed at the server under test. */
export const apiKeyClient = (apiKey = seed.apiKey1) => SeamHttp.fromApiKey(apiKey, { endpoint })
export const clientSessionClient = (token = seed.clientSessionToken) =>
  SeamHttp.fromClientSessionToken(token, { endpoint })
export const patClient = (workspaceId = seed.workspace1, token = seed.personalAccessToken) =>
  SeamHttp.fromPersonalAccessToken(token, workspaceId, { endpoint })
export const publishableKeyClient = (userIdentifierKey, publishableKey = seed.publishableKey) =>
  SeamHttp.fromPublishableKey(publishableKey, userIdentifierKey, { endpoint })

/**
 * POST /_sandbox/reset (no credential): restores the seed, so that every test file starts from the same state.
 * Waits for /health first, in case the suite is started together with the server.
 */
export async function resetSandbox() {
  await waitForHealth()
  const response = await fetch(`${endpoint}/_sandbox/reset`, { method: 'POST' })
  const body = await response.text()
  assert.equal(response.status, 200, `POST /_sandbox/reset answered ${response.status}: ${body}`)
  assert.deepEqual(JSON.parse(body), { ok: true })
}

export async function waitForHealth(timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer'
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${endpoint}/health`)
      if (response.status === 200) return
      last = `HTTP ${response.status}`
    } catch (error) {
      last = error.message
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${endpoint}/health did not answer 200 within ${timeoutMs} ms (last: ${last})`)
}

/** A user identifier key no other test uses. */
let counter = 0
export function uniqueKey(prefix = 'conformance-user') {
  counter += 1
  return `${prefix}-${process.pid}-${Date.now()}-${counter}`
}

/** Asserts that `promise` rejects with exactly `errorClass` (not a subclass or superclass) and returns the error. */
export async function rejectsWith(promise, errorClass, expected = {}) {
  let error
  try {
    await promise
  } catch (caught) {
    error = caught
  }
  assert.ok(error !== undefined, `expected ${errorClass.name}, but the call succeeded`)
  assert.equal(
    error.constructor,
    errorClass,
    `expected ${errorClass.name}, got ${error.constructor?.name}: ${error.message}` +
      (error.code != null ? ` (code ${error.code}, status ${error.statusCode})` : ''),
  )
  for (const [key, value] of Object.entries(expected)) {
    if (value instanceof RegExp) {
      assert.match(String(error[key]), value, `${errorClass.name}.${key}`)
    } else {
      assert.deepEqual(error[key], value, `${errorClass.name}.${key}`)
    }
  }
  return error
}

/** Every error from the server carries a seam-request-id that the SDK exposes as requestId (BEHAVIOUR 1.2). */
export function assertRequestId(error) {
  assert.match(error.requestId, /^request/, `requestId should start with "request", got "${error.requestId}"`)
}

export const unauthorized = (promise, messagePattern) =>
  rejectsWith(promise, SeamHttpUnauthorizedError, {
    code: 'unauthorized',
    statusCode: 401,
    ...(messagePattern != null ? { message: messagePattern } : {}),
  })

export const apiError = (promise, code, statusCode, messagePattern) =>
  rejectsWith(promise, SeamHttpApiError, {
    code,
    statusCode,
    ...(messagePattern != null ? { message: messagePattern } : {}),
  })

export const invalidInput = (promise, message) =>
  rejectsWith(promise, SeamHttpInvalidInputError, {
    code: 'invalid_input',
    statusCode: 400,
    ...(message != null ? { message } : {}),
  })

/** Checks the public shape of a client_session object (BEHAVIOUR 6.1). */
export function assertClientSessionShape(session) {
  for (const key of clientSessionKeys) {
    assert.ok(Object.hasOwn(session, key), `client_session lacks "${key}": ${JSON.stringify(session)}`)
  }
  for (const key of Object.keys(session)) {
    assert.ok(
      clientSessionKeys.includes(key) || optionalClientSessionKeys.includes(key),
      `client_session has a key outside the public shape: "${key}"`,
    )
  }
  assert.equal(typeof session.client_session_id, 'string')
  assert.equal(typeof session.workspace_id, 'string')
  assert.match(session.token, /^seam_cst/)
  assert.ok(session.user_identifier_key === null || typeof session.user_identifier_key === 'string')
  assert.ok(Number.isInteger(session.device_count), 'device_count is an integer')
  for (const key of ['created_at', 'expires_at']) {
    assert.match(session[key], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/, `${key} is ISO-8601 UTC`)
  }
  for (const key of ['connected_account_ids', 'connect_webview_ids', 'user_identity_ids']) {
    assert.ok(Array.isArray(session[key]), `${key} is an array`)
  }
}

export const ids = (devices) => devices.map((device) => device.device_id).sort()
