// The SDK's error classes as the server drives them (BEHAVIOUR 5.2): SeamHttpUnauthorizedError for every 401,
// SeamHttpInvalidInputError with Seam's validation messages, SeamHttpApiError with the right code and statusCode.
import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'

import { SeamHttpApiError, SeamHttpInvalidInputError, SeamHttpUnauthorizedError } from '@seamapi/http'

import {
  apiError,
  apiKeyClient,
  assertRequestId,
  clientSessionClient,
  invalidInput,
  resetSandbox,
  seed,
  uniqueKey,
  unauthorized,
} from '../lib/env.js'

const seam = apiKeyClient()

before(resetSandbox)

/** The body the server sent, which the SDK keeps as the cause (its 401 code is always "unauthorized"). */
const bodyType = (error) => error.cause?.response?.data?.error?.type

describe('SeamHttpUnauthorizedError', () => {
  it('for a revoked client session token (body type client_session_revoked)', async () => {
    const session = await seam.clientSessions.create({ user_identifier_key: uniqueKey() })
    await seam.clientSessions.revoke({ client_session_id: session.client_session_id })
    const error = await unauthorized(
      clientSessionClient(session.token).clientSessions.get(),
      /^Unauthorized \(client session revoked\)$/,
    )
    assert.ok(error instanceof SeamHttpApiError)
    assert.equal(bodyType(error), 'client_session_revoked')
    assertRequestId(error)
  })

  it('for an expired client session token (body type client_session_expired)', async () => {
    const session = await seam.clientSessions.create({
      user_identifier_key: uniqueKey(),
      expires_at: new Date(Date.now() - 60_000),
    })
    const error = await unauthorized(
      clientSessionClient(session.token).clientSessions.get(),
      /^Unauthorized \(client session expired\)$/,
    )
    assert.equal(bodyType(error), 'client_session_expired')
    assertRequestId(error)
  })

  it('for a token whose session was deleted, and for one that never existed (client_session_not_found)', async () => {
    const session = await seam.clientSessions.create()
    await seam.clientSessions.delete({ client_session_id: session.client_session_id })
    for (const token of [session.token, 'seam_cst1_never_issued']) {
      const error = await unauthorized(clientSessionClient(token).clientSessions.get(), /client session not found/)
      assert.equal(bodyType(error), 'client_session_not_found')
    }
  })

  it('for an unknown API key and for a credential the route does not accept', async () => {
    const badKey = await unauthorized(apiKeyClient('seam_nokey123_token').clientSessions.list(), /API Key not found/)
    assert.equal(bodyType(badKey), 'unauthorized')
    const wrongKind = await unauthorized(clientSessionClient().clientSessions.list(), /No authentication methods succeeded/)
    assert.equal(bodyType(wrongKind), 'unauthorized')
  })

  it('takes precedence over a wrong method (authentication runs first)', async () => {
    const error = await rejected(clientSessionClient('seam_cst1_never_issued').client.request({
      method: 'DELETE',
      url: '/client_sessions/get',
    }))
    assert.ok(error instanceof SeamHttpUnauthorizedError)
  })
})

describe('SeamHttpInvalidInputError', () => {
  const cases = [
    ['a number for a string', () => seam.clientSessions.create({ user_identifier_key: 123 }), 'user_identifier_key', 'Expected string, received number'],
    ['a boolean for a string', () => seam.clientSessions.getOrCreate({ user_identifier_key: true }), 'user_identifier_key', 'Expected string, received boolean'],
    ['a number for an array', () => seam.clientSessions.create({ connected_account_ids: 5 }), 'connected_account_ids', 'Expected array, received number'],
    ['an empty string', () => seam.clientSessions.create({ user_identifier_key: '' }), 'user_identifier_key', 'String must contain at least 1 character(s)'],
    ['a date that is not ISO-8601', () => seam.clientSessions.create({ expires_at: 'tomorrow' }), 'expires_at', 'Invalid datetime'],
    ['two user identities', () => seam.clientSessions.create({ user_identity_ids: ['a', 'b'] }), 'user_identity_ids', 'Array must contain at most 1 element(s)'],
    ['a string for a boolean in the query', () => seam.clientSessions.list({ without_user_identifier_key: 'maybe' }), 'without_user_identifier_key', 'Expected boolean, received string'],
    ['a number for the id to revoke', () => seam.clientSessions.revoke({ client_session_id: 42 }), 'client_session_id', 'Expected string, received number'],
    ['a number for the id to grant to', () => seam.clientSessions.grantAccess({ client_session_id: 42 }), 'client_session_id', 'Expected string, received number'],
  ]

  for (const [what, call, parameter, message] of cases) {
    it(`${message} for "${parameter}" (${what})`, async () => {
      const error = await invalidInput(call(), `${message} for "${parameter}"`)
      assert.deepEqual(error.validationErrors, [{ parameterName: parameter, errorMessages: [message] }])
      assert.deepEqual(error.getValidationErrorMessages(parameter), [message])
      assertRequestId(error)
    })
  }

  it('Required for a missing required parameter (sent past the SDK’s own check)', async () => {
    const error = await invalidInput(seam.client.post('/client_sessions/revoke', {}), 'client_session_id is required')
    assert.deepEqual(error.getValidationErrorMessages('client_session_id'), ['Required'])
    const deleteError = await invalidInput(seam.client.delete('/client_sessions/delete'))
    assert.deepEqual(deleteError.getValidationErrorMessages('client_session_id'), ['Required'])
  })

  it('an object-level message when grant_access names no session', async () => {
    const error = await invalidInput(
      seam.clientSessions.grantAccess({ connected_account_ids: [seed.johnAccount] }),
      'Either client_session_id or user_identifier_key is required',
    )
    assert.deepEqual(error.validationErrors, [])
  })
})

describe('SeamHttpApiError', () => {
  it('404 client_session_not_found', async () => {
    const error = await apiError(
      seam.clientSessions.get({ client_session_id: 'no_such_session' }),
      'client_session_not_found',
      404,
      /^Could not find client session$/,
    )
    assert.ok(!(error instanceof SeamHttpInvalidInputError))
    assertRequestId(error)
  })

  it('400 client_session_token_already_exists for POST /client_sessions/create on a taken user (the SDK itself PUTs)', async () => {
    const key = uniqueKey()
    await seam.clientSessions.create({ user_identifier_key: key })
    await apiError(
      seam.client.post('/client_sessions/create', { user_identifier_key: key }),
      'client_session_token_already_exists',
      400,
    )
  })

  it('400 client_session_token_already_exists when grant_access gives a session a user key another live session holds', async () => {
    const key = uniqueKey()
    await seam.clientSessions.create({ user_identifier_key: key })
    const keyless = await seam.clientSessions.create()
    await apiError(
      seam.clientSessions.grantAccess({ client_session_id: keyless.client_session_id, user_identifier_key: key }),
      'client_session_token_already_exists',
      400,
    )
  })

  it('400 invalid_options when a client session token asks for another session', async () => {
    await apiError(
      clientSessionClient().clientSessions.get({ user_identifier_key: 'someone_else' }),
      'invalid_options',
      400,
    )
  })

  it('400 invalid_client_session_token for a client-session-token header that is not a seam_cst token', async () => {
    await apiError(
      seam.client.get('/client_sessions/get', { headers: { 'client-session-token': 'not_a_cst' } }),
      'invalid_client_session_token',
      400,
      /^Invalid client session token$/,
    )
  })

  it('405 method_not_allowed, listing the allowed methods', async () => {
    await apiError(
      seam.client.request({ method: 'DELETE', url: '/client_sessions/get' }),
      'method_not_allowed',
      405,
      /GET.*POST/,
    )
  })

  it('404 not_found for an unknown route', async () => {
    await apiError(seam.client.get('/no_such_resource/list'), 'not_found', 404)
  })
})

async function rejected(promise) {
  try {
    await promise
  } catch (error) {
    return error
  }
  assert.fail('expected the call to fail')
}
