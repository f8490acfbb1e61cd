// What the SDK's own test suite exercises and the files before this one did not: console session tokens (with and
// without a workspace), personal access tokens without a workspace, array parameters on GET, and the device catalogue
// that Seam Components read through seam.client (BEHAVIOUR 2.1, 4.7, 1.6, 4.9).
import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import { before, describe, it } from 'node:test'

import { SeamHttp, SeamHttpWithoutWorkspace } from '@seamapi/http'

import {
  apiKeyClient,
  clientSessionClient,
  endpoint,
  ids,
  patClient,
  resetSandbox,
  seed,
  unauthorized,
} from '../lib/env.js'

before(resetSandbox)

/** An HS256 JWT over `claims`, as Seam's console signs its session tokens (the seed's secret is "secret"). */
function consoleSessionToken(claims, secret = 'secret') {
  const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`
}

const johnsConsoleSession = () => consoleSessionToken({ user_id: 'john_user_id', key: 'john_user_key' })

describe('console session tokens', () => {
  it('SeamHttp.fromConsoleSessionToken acts in the workspace it names', async () => {
    const seam = SeamHttp.fromConsoleSessionToken(johnsConsoleSession(), seed.workspace1, { endpoint })
    const device = await seam.devices.get({ device_id: 'august_device_1' })
    assert.equal(device.workspace_id, seed.workspace1)
    assert.deepEqual(ids(await seam.devices.list()), [...seed.allDevices].sort())
  })

  it('the constructor takes consoleSessionToken and workspaceId as well', async () => {
    const seam = new SeamHttp({ consoleSessionToken: johnsConsoleSession(), workspaceId: seed.workspace1, endpoint })
    assert.equal((await seam.workspaces.get()).workspace_id, seed.workspace1)
  })

  it('without a workspace it lists the user’s workspaces', async () => {
    const seam = SeamHttpWithoutWorkspace.fromConsoleSessionToken(johnsConsoleSession(), { endpoint })
    const workspaces = await seam.workspaces.list()
    assert.ok(workspaces.some((workspace) => workspace.workspace_id === seed.workspace1))
  })

  it('a token signed with another secret is refused', async () => {
    const forged = consoleSessionToken({ user_id: 'john_user_id', key: 'john_user_key' }, 'not-the-secret')
    await unauthorized(SeamHttp.fromConsoleSessionToken(forged, seed.workspace1, { endpoint }).devices.list())
  })
})

describe('personal access tokens without a workspace', () => {
  it('SeamHttpWithoutWorkspace.fromPersonalAccessToken lists the user’s workspaces', async () => {
    const seam = SeamHttpWithoutWorkspace.fromPersonalAccessToken(seed.personalAccessToken, { endpoint })
    const workspaces = await seam.workspaces.list()
    assert.ok(workspaces.some((workspace) => workspace.workspace_id === seed.workspace1))
  })

  it('the same token with a workspace reads that workspace’s devices', async () => {
    const device = await patClient().devices.get({ device_id: 'august_device_1' })
    assert.equal(device.workspace_id, seed.workspace1)
  })
})

describe('array parameters sent with GET', () => {
  it('an array names exactly those devices, an empty one none, an absent one every device', async () => {
    const seam = apiKeyClient()
    const list = async (params) => (await seam.client.get('/devices/list', { params })).data.devices
    assert.deepEqual(ids(await list({ device_ids: ['august_device_1', 'ecobee_device_1'] })), [
      'august_device_1',
      'ecobee_device_1',
    ])
    assert.deepEqual(await list({ device_ids: [] }), [])
    assert.equal((await list({ device_ids: undefined })).length, seed.allDevices.length)
  })
})

describe('the device catalogue of Seam Components', () => {
  it('a client session reads manufacturers and device models, with images on this server', async () => {
    const seam = clientSessionClient()
    const { data: manufacturers } = await seam.client.get('/internal/devicedb/v1/manufacturers/list', {
      params: { integration_support_levels: ['stable', 'beta'], liqe_query: 'NOT (display_name:"Nobody")' },
    })
    assert.deepEqual(
      manufacturers.manufacturers.map((manufacturer) => manufacturer.display_name),
      ['Seam'],
    )
    const { data: models } = await seam.client.get('/internal/devicedb/v1/device_models/list', {
      params: {
        manufacturer_ids: [manufacturers.manufacturers[0].manufacturer_id],
        integration_support_levels: ['stable', 'beta'],
        text_search: 'lock',
      },
    })
    assert.equal(models.device_models.length, 1)
    const image = models.device_models[0].aesthetic_variants[0].front_image.url
    assert.ok(image.includes('/internal/devicedb_image_proxy?image_id='), image)
    const response = await fetch(new URL(new URL(image).pathname + new URL(image).search, endpoint))
    assert.equal(response.status, 200)
    assert.equal(response.headers.get('content-type'), 'image/png')
  })

  it('an unknown device model is SeamHttpApiError device_model_not_found', async () => {
    await assert.rejects(
      apiKeyClient().client.get('/internal/devicedb/v1/device_models/get', {
        params: { device_model_id: '11111111-2222-3333-4444-555555555555' },
      }),
      (error) => error.code === 'device_model_not_found' && error.statusCode === 404,
    )
  })
})
