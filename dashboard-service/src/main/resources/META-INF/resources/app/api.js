// The public API as this page uses it: the same JSON, ETag and event-stream endpoints any front-end uses.
// Answers are kept per URL with their ETag and asked for again with If-None-Match; at most one request per URL
// is in flight; errors carry the API's problem detail.

import { credentials } from './state.js';

/** An answer other than 2xx/304: its status and the problem's detail, as the API wrote it. */
export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
    this.detail = detail;
  }
}

const TIMEOUT_MS = 10000;
const cache = new Map(); // url → { etag, body }
const inFlight = new Map(); // url → Promise
let requests = 0;

/** How many requests this page has sent (the performance benchmark reads it). */
export function requestCount() {
  return requests;
}

function url(path, params = []) {
  const query = new URLSearchParams();
  params.forEach(([name, value]) => query.append(name, value));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

async function problem(response) {
  try {
    const body = await response.json();
    return new ApiError(response.status, body.detail || body.title || response.statusText);
  } catch {
    return new ApiError(response.status, response.statusText || `HTTP ${response.status}`);
  }
}

function headers(extra = {}) {
  const who = credentials();
  return { Accept: 'application/json', ...(who ? who.headers : {}), ...extra };
}

/** GET a JSON answer: from the cache when the server answers 304. */
export function get(path, params) {
  const target = url(path, params);
  if (inFlight.has(target)) {
    return inFlight.get(target);
  }
  const cached = cache.get(target);
  const request = (async () => {
    requests += 1;
    let response;
    try {
      response = await fetch(target, {
        headers: headers(cached ? { 'If-None-Match': cached.etag } : {}),
        cache: 'no-store',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw error.name === 'TimeoutError' ? new ApiError(0, `${target}: no answer within ${TIMEOUT_MS / 1000} s`) : error;
    }
    if (response.status === 304 && cached) {
      return cached.body;
    }
    if (!response.ok) {
      throw await problem(response);
    }
    const body = await response.json();
    const etag = response.headers.get('ETag');
    if (etag) {
      cache.set(target, { etag, body });
    }
    return body;
  })().finally(() => inFlight.delete(target));
  inFlight.set(target, request);
  return request;
}

/** A request that changes something: POST, PATCH or DELETE, with a JSON body when given; the JSON answer, or null. */
export async function send(method, path, body) {
  requests += 1;
  const response = await fetch(path, {
    method,
    headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) {
    throw await problem(response);
  }
  return response.status === 204 ? null : response.json();
}

export function post(path, body) {
  return send('POST', path, body);
}

/** Forgets every cached answer: after signing out, nothing of the organisation stays in memory. */
export function forget() {
  cache.clear();
}

/**
 * Follows the organisation's score stream (server-sent events). The page cannot use EventSource, which sends no
 * headers, and a key never goes into a URL: the stream is read with fetch. Reconnects after a drop with growing
 * pauses; when the stream is refused, falls back to polling. Calls onChange on every change (and every poll),
 * onState with 'live', 'reconnecting' or 'polling'.
 */
export function follow(org, onChange, onState, pollSeconds = 15) {
  let stopped = false;
  let controller = null;
  let pollTimer = null;
  let delay = 1000;

  const poll = () => {
    if (stopped) return;
    onState('polling');
    pollTimer = setInterval(() => onChange(null), pollSeconds * 1000);
  };

  const connect = async () => {
    if (stopped) return;
    controller = new AbortController();
    try {
      requests += 1;
      const response = await fetch(`/api/v1/organisations/${encodeURIComponent(org)}/stream`, {
        headers: headers({ Accept: 'text/event-stream' }),
        signal: controller.signal,
        cache: 'no-store',
      });
      if (stopped) {
        controller.abort();
        return;
      }
      if (!response.ok || !response.body) {
        poll();
        return;
      }
      onState('live');
      delay = 1000;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          break;
        }
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trim()).join('\n');
          if (data) {
            try {
              onChange(JSON.parse(data));
            } catch {
              onChange(null);
            }
          }
        }
      }
    } catch (error) {
      if (stopped) {
        return;
      }
    }
    if (!stopped) {
      onState('reconnecting');
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    }
  };

  connect();
  return {
    stop() {
      stopped = true;
      if (controller) controller.abort();
      if (pollTimer) clearInterval(pollTimer);
    },
  };
}
