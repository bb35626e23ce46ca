// The admin API, as curl would call it: the admin token as a bearer token, JSON in and out.

const TOKEN = 'bedrock-gateway.admin-token';

export const session = {
  token: () => sessionStorage.getItem(TOKEN),
  signIn: (token) => sessionStorage.setItem(TOKEN, token),
  signOut: () => sessionStorage.removeItem(TOKEN),
};

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.detail ?? body?.error ?? `The gateway answered HTTP ${status}.`);
    this.status = status;
  }
}

let unauthorized = () => {};

/** What to do when the token stops being accepted (e.g. ADMIN_TOKEN changed). */
export function onUnauthorized(handler) {
  unauthorized = handler;
}

/**
 * Calls the admin API. `accept` lists statuses besides 2xx whose JSON is an answer (health is 503
 * when the gateway cannot serve, with the same body).
 */
export async function call(path, { method = 'GET', body, accept = [], token } = {}) {
  const headers = { Accept: 'application/json', Authorization: 'Bearer ' + (token ?? session.token()) };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch (unreachable) {
    throw new Error('The gateway cannot be reached: ' + unreachable.message);
  }
  let json = null;
  try {
    json = await response.json();
  } catch (notJson) {
    json = null;
  }
  if (response.ok || accept.includes(response.status)) return json;
  const error = new ApiError(response.status, json);
  if (response.status === 401 && token === undefined) unauthorized(error);
  throw error;
}

/** `GET /admin/v1/usage` with these parameters (from, to, group_by, key_id). */
export const usage = (parameters) => call('/admin/v1/usage?' + new URLSearchParams(parameters));

export const keys = async () => (await call('/admin/v1/keys')).keys;

export const key = (id) => call('/admin/v1/keys/' + encodeURIComponent(id));

export const health = () => call('/admin/v1/health', { accept: [503] });
