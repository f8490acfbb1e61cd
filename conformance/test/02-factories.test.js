// The SDK's ways in (BEHAVIOUR 2.1): SeamHttp.fromApiKey, fromClientSessionToken, fromPublishableKey,
// fromPersonalAccessToken and updateClientSessionToken, each against the seed.
import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'

import { SeamHttp } from '@seamapi/http'

import {
  apiError,
  apiKeyClient,
  assertClientSessionShape,
  clientSessionClient,
  endpoint,
  patClient,
  publishableKeyClient,
  resetSandbox,
  seed,
  unauthorized,
  uniqueKey,
} from '../lib/env.js'

before(resetSandbox)

describe('SeamHttp.fromApiKey', () => {
  it('authenticates as the key’s workspace', async () => {
    const session = await apiKeyClient().clientSessions.get({ client_session_id: seed.clientSessionId })
    assert.equal(session.workspace_id, seed.workspace1)
  })

  it('keeps workspaces apart: API key 2 sees nothing of workspace 1', async () => {
    const other = apiKeyClient(seed.apiKey2)
    assert.deepEqual(await other.clientSessions.list(), [])
    const created = await other.clientSessions.create({ user_identifier_key: uniqueKey() })
    assert.equal(created.workspace_id, seed.workspace2)
    await apiError(
      apiKeyClient().clientSessions.get({ client_session_id: created.client_session_id }),
      'client_session_not_found',
      404,
    )
  })

  it('refuses an unknown API key with SeamHttpUnauthorizedError', async () => {
    await unauthorized(apiKeyClient('seam_unknown1_token').clientSessions.list(), /API Key not found/)
  })
})

describe('SeamHttp.fromClientSessionToken', () => {
  it('reads its own session without parameters (the seeded cst1)', async () => {
    const session = await clientSessionClient().clientSessions.get()
    assertClientSessionShape(session)
    assert.equal(session.client_session_id, seed.clientSessionId)
    assert.equal(session.user_identifier_key, seed.johnKey)
    assert.equal(session.device_count, 4)
  })

  it('may name its own session, but not another one (400 invalid_options)', async () => {
    const cst = clientSessionClient()
    assert.equal((await cst.clientSessions.get({ client_session_id: seed.clientSessionId })).token, seed.clientSessionToken)
    const other = await apiKeyClient().clientSessions.create()
    await apiError(
      cst.clientSessions.get({ client_session_id: other.client_session_id }),
      'invalid_options',
      400,
      /Cannot send client_session_id or user_identifier_key/,
    )
  })

  it('is refused by the routes a client session may not use (401)', async () => {
    const cst = clientSessionClient()
    await unauthorized(cst.clientSessions.list())
    await unauthorized(cst.clientSessions.create({ user_identifier_key: uniqueKey() }))
    await unauthorized(cst.clientSessions.getOrCreate({ user_identifier_key: uniqueKey() }))
    await unauthorized(cst.clientSessions.revoke({ client_session_id: seed.clientSessionId }))
    await unauthorized(cst.clientSessions.delete({ client_session_id: seed.clientSessionId }))
    await unauthorized(cst.clientSessions.grantAccess({ client_session_id: seed.clientSessionId, connected_account_ids: [] }))
  })

  it('works with a token created through the API', async () => {
    const created = await apiKeyClient().clientSessions.create({
      user_identifier_key: uniqueKey(),
      connected_account_ids: [seed.janeAccount],
    })
    const own = await clientSessionClient(created.token).clientSessions.get()
    assert.equal(own.client_session_id, created.client_session_id)
    assert.equal(own.device_count, 1)
  })
})

describe('SeamHttp.fromPublishableKey', () => {
  it("obtains the seeded session's token for john_user_identifier_key", async () => {
    const seam = await publishableKeyClient(seed.johnKey)
    const own = await seam.clientSessions.get()
    assert.equal(own.client_session_id, seed.clientSessionId)
    assert.equal(own.token, seed.clientSessionToken)
  })

  it('creates an empty session for a new user, and obtains the same one again', async () => {
    const key = uniqueKey('pk-user')
    const first = await (await publishableKeyClient(key)).clientSessions.get()
    assertClientSessionShape(first)
    assert.equal(first.user_identifier_key, key)
    assert.equal(first.workspace_id, seed.workspace1)
    assert.deepEqual(first.connected_account_ids, [])
    assert.equal(first.device_count, 0)
    const second = await (await publishableKeyClient(key)).clientSessions.get()
    assert.equal(second.client_session_id, first.client_session_id)
    assert.equal(second.token, first.token)
  })

  it('refuses an unknown publishable key with SeamHttpUnauthorizedError', async () => {
    await unauthorized(publishableKeyClient(uniqueKey(), 'seam_pk1_unknown'), /publishable_key/)
  })

  it('may not grant anything: 403 publishable_keys_must_create_empty_client_sessions', async () => {
    const seam = new SeamHttp({ publishableKey: seed.publishableKey, endpoint })
    await apiError(
      seam.clientSessions.getOrCreate({ user_identifier_key: uniqueKey(), connected_account_ids: [seed.johnAccount] }),
      'publishable_keys_must_create_empty_client_sessions',
      403,
    )
    await apiError(
      seam.clientSessions.create({ user_identifier_key: uniqueKey(), connect_webview_ids: [seed.webview] }),
      'publishable_keys_must_create_empty_client_sessions',
      403,
    )
  })
})

describe('SeamHttp.fromPersonalAccessToken', () => {
  it('acts on the named workspace like an API key', async () => {
    const pat = patClient()
    const sessions = await pat.clientSessions.list()
    assert.ok(sessions.some((session) => session.client_session_id === seed.clientSessionId))
    const created = await pat.clientSessions.create({ user_identifier_key: uniqueKey('pat') })
    assert.equal(created.workspace_id, seed.workspace1)
    await pat.clientSessions.grantAccess({ client_session_id: created.client_session_id, connected_account_ids: [seed.johnAccount] })
    assert.equal((await pat.clientSessions.get({ client_session_id: created.client_session_id })).device_count, 4)
    await pat.clientSessions.revoke({ client_session_id: created.client_session_id })
    await pat.clientSessions.delete({ client_session_id: created.client_session_id })
  })

  it("is refused for a workspace its user does not belong to", async () => {
    await unauthorized(patClient(seed.workspace2).clientSessions.list(), /does not have access/)
  })

  it('is refused when the token is unknown', async () => {
    await unauthorized(patClient(seed.workspace1, 'seam_at1_shorttoken_wronglong').clientSessions.list())
  })
})

describe('updateClientSessionToken', () => {
  it('switches a client-session client to another token, verifying it with clientSessions.get', async () => {
    const other = await apiKeyClient().clientSessions.create({
      user_identifier_key: uniqueKey(),
      connected_account_ids: [seed.janeAccount],
    })
    const seam = clientSessionClient()
    assert.equal((await seam.clientSessions.get()).client_session_id, seed.clientSessionId)
    await seam.updateClientSessionToken(other.token)
    const own = await seam.clientSessions.get()
    assert.equal(own.client_session_id, other.client_session_id)
    assert.equal(own.device_count, 1)
  })

  it('rejects a revoked token with SeamHttpUnauthorizedError', async () => {
    const api = apiKeyClient()
    const revoked = await api.clientSessions.create({ user_identifier_key: uniqueKey() })
    await api.clientSessions.revoke({ client_session_id: revoked.client_session_id })
    await unauthorized(clientSessionClient().updateClientSessionToken(revoked.token), /revoked/)
  })
})
