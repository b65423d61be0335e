// The public HTTP API, with HTTP Basic credentials that live in this module's memory only.

let credentials = null;
let user = null;
let seenPosition = null;

/** Thrown for any answer that is not 2xx; carries the status and the problem's code. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem?.code;
  }
}

function encode(username, password) {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  bytes.forEach(b => { binary += String.fromCharCode(b); });
  return `Basic ${btoa(binary)}`;
}

export function signIn(username, password) {
  credentials = encode(username, password);
  user = username;
}

export function signOut() {
  credentials = null;
  user = null;
  seenPosition = null;
}

/**
 * Remembers the position of an event the stream delivered. Every later query sends it as
 * X-Consistency-Token, so the service answers only once its views include that event.
 */
export function seen(position) {
  const value = Number(position);
  if (Number.isSafeInteger(value) && value >= 0 && (seenPosition === null || value > seenPosition)) {
    seenPosition = value;
  }
}

export function signedIn() {
  return credentials !== null;
}

export function username() {
  return user;
}

/** The Authorization header of the signed-in account, for the event stream. */
export function authorization() {
  return credentials;
}

/**
 * Adds query parameters; undefined and null are left out.
 */
export function url(path, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== '') query.set(name, value);
  }
  const q = query.toString();
  return q ? `${path}?${q}` : path;
}

/**
 * GET a JSON resource. `credentials: 'omit'` keeps the browser from showing its own sign-in
 * dialog on a 401 and from using any credentials it remembers: only our header counts.
 */
export async function getJson(path, params, signal) {
  const headers = {Accept: 'application/json', Authorization: credentials};
  if (seenPosition !== null) headers['X-Consistency-Token'] = String(seenPosition);
  const response = await fetch(url(path, params), {
    method: 'GET',
    headers,
    credentials: 'omit',
    cache: 'no-store',
    signal,
  });
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (ignored) {
      problem = null;
    }
    throw new ApiError(response.status, problem);
  }
  return response.json();
}

const segment = encodeURIComponent;
export {segment};
