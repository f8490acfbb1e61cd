// BEHAVIOUR 3.14, the lifecycle scenario, step by step through the SDK. Later steps build on earlier ones, but each is
// its own test, so that a failing step is reported as such and the following ones still run.
import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'

import {
  apiError,
  apiKeyClient,
  clientSessionClient,
  ids,
  resetSandbox,
  seed,
  unauthorized,
} from '../lib/env.js'

const seam = apiKeyClient()

before(resetSandbox)

describe('BEHAVIOUR 3.14 lifecycle scenario', () => {
  const state = {}
  const body = { user_identifier_key: 'u1', connected_account_ids: [seed.johnAccount] }

  it('1. create for u1 with john’s account: seam_cst token, device_count 4', async () => {
    const session = await seam.clientSessions.create(body)
    assert.match(session.token, /^seam_cst/)
    assert.equal(session.user_identifier_key, 'u1')
    assert.deepEqual(session.connect_webview_ids, [])
    assert.deepEqual(session.user_identity_ids, [])
    assert.equal(session.device_count, 4)
    state.session = session
  })

  it('2. POST again → 400 client_session_token_already_exists; PUT (the SDK’s create) → the same session', async () => {
    await apiError(seam.client.post('/client_sessions/create', body), 'client_session_token_already_exists', 400)
    const again = await seam.clientSessions.create(body)
    assert.equal(again.client_session_id, state.session.client_session_id)
    assert.equal(again.token, state.session.token)
  })

  it('3. with the token: 4 devices, schlage_device_id unauthorized, clientSessions.list unauthorized', async () => {
    const cst = clientSessionClient(state.session.token)
    await unauthorized(cst.clientSessions.list())
    assert.deepEqual(ids(await cst.devices.list()), [...seed.johnDevices].sort())
    await unauthorized(cst.devices.get({ device_id: seed.janeDevice }))
  })

  it('4. grantAccess by user_identifier_key adds jane’s account: [john, jane], device_count 5', async () => {
    await seam.clientSessions.grantAccess({ user_identifier_key: 'u1', connected_account_ids: [seed.janeAccount] })
    const session = await seam.clientSessions.get({ client_session_id: state.session.client_session_id })
    assert.deepEqual(session.connected_account_ids, [seed.johnAccount, seed.janeAccount])
    assert.equal(session.device_count, 5)
  })

  it('5. getOrCreate with jane’s account replaces the list: same session, [jane], device_count 1', async () => {
    const session = await seam.clientSessions.getOrCreate({
      user_identifier_key: 'u1',
      connected_account_ids: [seed.janeAccount],
    })
    assert.equal(session.client_session_id, state.session.client_session_id)
    assert.equal(session.token, state.session.token)
    assert.deepEqual(session.connected_account_ids, [seed.janeAccount])
    assert.equal(session.device_count, 1)
  })

  it('6. revoke: the token gets SeamHttpUnauthorizedError, get by id still works, getOrCreate makes a new session', async () => {
    await seam.clientSessions.revoke({ client_session_id: state.session.client_session_id })
    await unauthorized(clientSessionClient(state.session.token).clientSessions.get(), /revoked/)
    const still = await seam.clientSessions.get({ client_session_id: state.session.client_session_id })
    assert.equal(still.client_session_id, state.session.client_session_id)
    const fresh = await seam.clientSessions.getOrCreate({ user_identifier_key: 'u1' })
    assert.notEqual(fresh.client_session_id, state.session.client_session_id)
    state.fresh = fresh
  })

  it('7. delete: get → 404 client_session_not_found, the token → 401', async () => {
    await seam.clientSessions.delete({ client_session_id: state.session.client_session_id })
    await apiError(
      seam.clientSessions.get({ client_session_id: state.session.client_session_id }),
      'client_session_not_found',
      404,
    )
    await unauthorized(clientSessionClient(state.session.token).clientSessions.get(), /not found/)
  })

  it('8. list({without_user_identifier_key: true}) → only sessions without a user_identifier_key', async () => {
    const keyless = await seam.clientSessions.create()
    const sessions = await seam.clientSessions.list({ without_user_identifier_key: true })
    assert.ok(sessions.some((session) => session.client_session_id === keyless.client_session_id))
    assert.ok(!sessions.some((session) => session.client_session_id === state.fresh.client_session_id))
    for (const session of sessions) assert.equal(session.user_identifier_key, null)
  })
})
