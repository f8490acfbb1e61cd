// Every clientSessions method of @seamapi/http 2.32.0 against the server, with the seed's API key (BEHAVIOUR 3).
import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'

import {
  apiError,
  apiKeyClient,
  assertClientSessionShape,
  clientSessionClient,
  resetSandbox,
  seed,
  unauthorized,
  uniqueKey,
} from '../lib/env.js'

const seam = apiKeyClient()

before(resetSandbox)

describe('clientSessions.create', () => {
  it('creates a session with the public shape, a seam_cst token and the computed device_count', async () => {
    const key = uniqueKey()
    const session = await seam.clientSessions.create({
      user_identifier_key: key,
      connected_account_ids: [seed.johnAccount],
    })
    assertClientSessionShape(session)
    assert.equal(session.workspace_id, seed.workspace1)
    assert.equal(session.user_identifier_key, key)
    assert.deepEqual(session.connected_account_ids, [seed.johnAccount])
    assert.deepEqual(session.connect_webview_ids, [])
    assert.deepEqual(session.user_identity_ids, [])
    assert.equal(session.device_count, 4)
    assert.equal(Object.hasOwn(session, 'user_identity_id'), false, 'user_identity_id is omitted when unset')
    assert.equal(Object.hasOwn(session, 'customer_key'), false, 'customer_key is omitted when unset')
  })

  it('creates an empty session without parameters: user_identifier_key null, no devices', async () => {
    const session = await seam.clientSessions.create()
    assertClientSessionShape(session)
    assert.equal(session.user_identifier_key, null)
    assert.equal(session.device_count, 0)
    assert.deepEqual(session.connected_account_ids, [])
  })

  it('returns the existing live session unchanged for the same user (the SDK sends PUT)', async () => {
    const key = uniqueKey()
    const first = await seam.clientSessions.create({ user_identifier_key: key, connected_account_ids: [seed.johnAccount] })
    const again = await seam.clientSessions.create({ user_identifier_key: key, connected_account_ids: [seed.janeAccount] })
    assert.equal(again.client_session_id, first.client_session_id)
    assert.equal(again.token, first.token)
    assert.deepEqual(again.connected_account_ids, [seed.johnAccount])
    assert.equal(again.device_count, 4, 'device_count is present on the existing-session path too')
  })

  it('stores expires_at, customer_key and user_identity_id as given', async () => {
    const expiresAt = new Date(Date.now() + 2 * 3600_000)
    expiresAt.setUTCMilliseconds(0)
    const session = await seam.clientSessions.create({
      user_identifier_key: uniqueKey(),
      expires_at: expiresAt,
      customer_key: 'customer-1',
      customer_id: 'not-echoed',
      user_identity_id: seed.userIdentity,
    })
    assertClientSessionShape(session)
    assert.equal(new Date(session.expires_at).getTime(), expiresAt.getTime())
    assert.equal(session.customer_key, 'customer-1')
    assert.equal(Object.hasOwn(session, 'customer_id'), false)
    assert.equal(session.user_identity_id, seed.userIdentity)
    assert.deepEqual(session.user_identity_ids, [seed.userIdentity])
  })

  it('accepts the deprecated one-element user_identity_ids as user_identity_id', async () => {
    const session = await seam.clientSessions.create({ user_identity_ids: [seed.userIdentity] })
    assert.equal(session.user_identity_id, seed.userIdentity)
    assert.deepEqual(session.user_identity_ids, [seed.userIdentity])
  })

  it('defaults expires_at to about a year (365.25 days) after created_at', async () => {
    const session = await seam.clientSessions.create()
    const lifetime = new Date(session.expires_at) - new Date(session.created_at)
    assert.equal(lifetime, 365.25 * 24 * 3600_000)
  })
})

describe('clientSessions.get', () => {
  it('reads the seeded session cst1 by id', async () => {
    const session = await seam.clientSessions.get({ client_session_id: seed.clientSessionId })
    assertClientSessionShape(session)
    assert.equal(session.client_session_id, seed.clientSessionId)
    assert.equal(session.token, seed.clientSessionToken)
    assert.equal(session.user_identifier_key, seed.johnKey)
    assert.deepEqual(session.connected_account_ids, [seed.johnAccount])
    assert.deepEqual(session.connect_webview_ids, [seed.webview])
    assert.deepEqual(session.user_identity_ids, [seed.userIdentity])
    assert.equal(session.user_identity_id, seed.userIdentity)
    assert.equal(session.device_count, 4)
  })

  it('reads a session by user_identifier_key', async () => {
    const key = uniqueKey()
    const created = await seam.clientSessions.create({ user_identifier_key: key })
    const session = await seam.clientSessions.get({ user_identifier_key: key })
    assert.deepEqual(session, created)
  })

  it('answers 404 client_session_not_found for an unknown id', async () => {
    await apiError(
      seam.clientSessions.get({ client_session_id: 'no_such_session' }),
      'client_session_not_found',
      404,
      /Could not find client session/,
    )
  })

  it('does not show a session to another workspace (API key 2 gets 404)', async () => {
    await apiError(
      apiKeyClient(seed.apiKey2).clientSessions.get({ client_session_id: seed.clientSessionId }),
      'client_session_not_found',
      404,
    )
  })
})

describe('clientSessions.getOrCreate', () => {
  it("returns the seeded session for john's user_identifier_key", async () => {
    const session = await seam.clientSessions.getOrCreate({ user_identifier_key: seed.johnKey })
    assert.equal(session.client_session_id, seed.clientSessionId)
    assert.equal(session.token, seed.clientSessionToken)
  })

  it('creates once, then returns the same session and replaces the granted lists with what was sent', async () => {
    const key = uniqueKey()
    const created = await seam.clientSessions.getOrCreate({
      user_identifier_key: key,
      connected_account_ids: [seed.johnAccount],
    })
    assertClientSessionShape(created)
    assert.equal(created.device_count, 4)

    const same = await seam.clientSessions.getOrCreate({ user_identifier_key: key })
    assert.equal(same.client_session_id, created.client_session_id)
    assert.equal(same.token, created.token)
    assert.deepEqual(same.connected_account_ids, [seed.johnAccount], 'omitted lists stay as they were')

    const expiresAt = new Date(Date.now() + 3 * 3600_000)
    expiresAt.setUTCMilliseconds(0)
    const replaced = await seam.clientSessions.getOrCreate({
      user_identifier_key: key,
      connected_account_ids: [seed.janeAccount],
      expires_at: expiresAt.toISOString(),
    })
    assert.equal(replaced.client_session_id, created.client_session_id)
    assert.deepEqual(replaced.connected_account_ids, [seed.janeAccount])
    assert.equal(replaced.device_count, 1)
    assert.equal(new Date(replaced.expires_at).getTime(), expiresAt.getTime())
  })
})

describe('clientSessions.list', () => {
  const fixtures = {}

  before(async () => {
    fixtures.keyless = await seam.clientSessions.create({ connect_webview_ids: [seed.webview] })
    fixtures.keyed = await seam.clientSessions.create({
      user_identifier_key: uniqueKey('list'),
      user_identity_id: seed.userIdentity,
    })
  })

  const listIds = (sessions) => sessions.map((session) => session.client_session_id)

  it('lists every session of the workspace, oldest first, with tokens and device counts', async () => {
    const sessions = await seam.clientSessions.list()
    const found = listIds(sessions)
    for (const id of [seed.clientSessionId, fixtures.keyless.client_session_id, fixtures.keyed.client_session_id]) {
      assert.ok(found.includes(id), `list lacks ${id}`)
    }
    sessions.forEach(assertClientSessionShape)
    const times = sessions.map((session) => new Date(session.created_at).getTime())
    assert.deepEqual(times, [...times].sort((a, b) => a - b), 'ordered by created_at ascending')
    const cst1 = sessions.find((session) => session.client_session_id === seed.clientSessionId)
    assert.equal(cst1.token, seed.clientSessionToken)
    assert.equal(cst1.device_count, 4)
  })

  it('filters by client_session_id', async () => {
    const sessions = await seam.clientSessions.list({ client_session_id: fixtures.keyed.client_session_id })
    assert.deepEqual(listIds(sessions), [fixtures.keyed.client_session_id])
  })

  it('filters by user_identifier_key', async () => {
    const sessions = await seam.clientSessions.list({ user_identifier_key: seed.johnKey })
    assert.deepEqual(listIds(sessions), [seed.clientSessionId])
  })

  it('filters by connect_webview_id', async () => {
    const sessions = await seam.clientSessions.list({ connect_webview_id: seed.webview })
    const found = listIds(sessions)
    assert.ok(found.includes(seed.clientSessionId) && found.includes(fixtures.keyless.client_session_id))
    assert.ok(!found.includes(fixtures.keyed.client_session_id))
    for (const session of sessions) assert.ok(session.connect_webview_ids.includes(seed.webview))
  })

  it('filters by user_identity_id', async () => {
    const sessions = await seam.clientSessions.list({ user_identity_id: seed.userIdentity })
    const found = listIds(sessions)
    assert.ok(found.includes(seed.clientSessionId) && found.includes(fixtures.keyed.client_session_id))
    assert.ok(!found.includes(fixtures.keyless.client_session_id))
    for (const session of sessions) assert.equal(session.user_identity_id, seed.userIdentity)
  })

  it('filters by without_user_identifier_key', async () => {
    const sessions = await seam.clientSessions.list({ without_user_identifier_key: true })
    assert.ok(listIds(sessions).includes(fixtures.keyless.client_session_id))
    for (const session of sessions) assert.equal(session.user_identifier_key, null)
  })

  it('combines filters with AND', async () => {
    const none = await seam.clientSessions.list({ user_identifier_key: seed.johnKey, without_user_identifier_key: true })
    assert.deepEqual(none, [])
    const one = await seam.clientSessions.list({ connect_webview_id: seed.webview, user_identifier_key: seed.johnKey })
    assert.deepEqual(listIds(one), [seed.clientSessionId])
  })

  it("is empty for the seed's empty workspace 2", async () => {
    assert.deepEqual(await apiKeyClient(seed.apiKey2).clientSessions.list(), [])
  })
})

describe('clientSessions.grantAccess', () => {
  it('adds connected accounts to the live session of a user_identifier_key (additive)', async () => {
    const key = uniqueKey()
    const created = await seam.clientSessions.create({ user_identifier_key: key, connected_account_ids: [seed.johnAccount] })
    const result = await seam.clientSessions.grantAccess({
      user_identifier_key: key,
      connected_account_ids: [seed.janeAccount],
    })
    assert.equal(result, undefined, 'the SDK resolves grantAccess to nothing')
    const session = await seam.clientSessions.get({ client_session_id: created.client_session_id })
    assert.deepEqual(session.connected_account_ids, [seed.johnAccount, seed.janeAccount])
    assert.equal(session.device_count, 5)
  })

  it('grants by client_session_id; an authorized webview also grants its connected account', async () => {
    const created = await seam.clientSessions.create()
    await seam.clientSessions.grantAccess({
      client_session_id: created.client_session_id,
      connect_webview_ids: [seed.webview],
    })
    const session = await seam.clientSessions.get({ client_session_id: created.client_session_id })
    assert.deepEqual(session.connect_webview_ids, [seed.webview])
    assert.deepEqual(session.connected_account_ids, [seed.johnAccount])
    assert.equal(session.device_count, 4)
  })

  it('grants a user identity', async () => {
    const created = await seam.clientSessions.create({ user_identifier_key: uniqueKey() })
    await seam.clientSessions.grantAccess({
      client_session_id: created.client_session_id,
      user_identity_id: seed.userIdentity,
    })
    const session = await seam.clientSessions.get({ client_session_id: created.client_session_id })
    assert.equal(session.user_identity_id, seed.userIdentity)
    assert.deepEqual(session.user_identity_ids, [seed.userIdentity])
  })

  it('answers 404 client_session_not_found when no session matches', async () => {
    await apiError(
      seam.clientSessions.grantAccess({ client_session_id: 'no_such_session', connected_account_ids: [seed.johnAccount] }),
      'client_session_not_found',
      404,
    )
  })
})

describe('clientSessions.revoke', () => {
  it('stops the token at once but keeps the session readable and listed; get_or_create then makes a new one', async () => {
    const key = uniqueKey()
    const created = await seam.clientSessions.create({ user_identifier_key: key, connected_account_ids: [seed.johnAccount] })
    assert.equal((await clientSessionClient(created.token).clientSessions.get()).client_session_id, created.client_session_id)

    assert.equal(await seam.clientSessions.revoke({ client_session_id: created.client_session_id }), undefined)

    await unauthorized(clientSessionClient(created.token).clientSessions.get(), /revoked/)
    const still = await seam.clientSessions.get({ client_session_id: created.client_session_id })
    assert.equal(still.token, created.token)
    const listed = await seam.clientSessions.list({ client_session_id: created.client_session_id })
    assert.equal(listed.length, 1)

    const replacement = await seam.clientSessions.getOrCreate({ user_identifier_key: key })
    assert.notEqual(replacement.client_session_id, created.client_session_id)
    assert.notEqual(replacement.token, created.token)
  })

  it('is idempotent', async () => {
    const created = await seam.clientSessions.create()
    await seam.clientSessions.revoke({ client_session_id: created.client_session_id })
    await seam.clientSessions.revoke({ client_session_id: created.client_session_id })
  })

  it('answers 404 client_session_not_found for an unknown id', async () => {
    await apiError(seam.clientSessions.revoke({ client_session_id: 'no_such_session' }), 'client_session_not_found', 404)
  })
})

describe('clientSessions.delete', () => {
  it('removes the session: get answers 404, list omits it, its token is refused', async () => {
    const created = await seam.clientSessions.create({ user_identifier_key: uniqueKey() })
    assert.equal(await seam.clientSessions.delete({ client_session_id: created.client_session_id }), undefined)

    await apiError(
      seam.clientSessions.get({ client_session_id: created.client_session_id }),
      'client_session_not_found',
      404,
    )
    assert.deepEqual(await seam.clientSessions.list({ client_session_id: created.client_session_id }), [])
    await unauthorized(clientSessionClient(created.token).clientSessions.get(), /not found/)
  })

  it('answers 404 client_session_not_found for an unknown id', async () => {
    await apiError(seam.clientSessions.delete({ client_session_id: 'no_such_session' }), 'client_session_not_found', 404)
  })
})
