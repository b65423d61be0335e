// Live updates: the event stream (text/event-stream) read with fetch(), because EventSource
// cannot send an Authorization header; polling every 10 s where the stream is not permitted.

import {authorization, seen} from './api.js';

export const POLL_INTERVAL_MS = 10000;
const RETRY_MIN_MS = 2000;
const RETRY_MAX_MS = 30000;

/**
 * Parses server-sent events from text chunks (WHATWG HTML "event stream interpretation").
 * Calls onEvent({id, event, data}) per dispatched event; comments and retry hints are skipped.
 */
export class SseParser {
  constructor(onEvent) {
    this.onEvent = onEvent;
    this.buffer = '';
    this.data = [];
    this.event = '';
    this.lastEventId = null;
    this.pendingCr = false;
  }

  push(chunk) {
    let text = chunk;
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.pendingCr = false;
    this.buffer += text;
    let match;
    const lineEnd = /\r\n|\r|\n/g;
    let start = 0;
    while ((match = lineEnd.exec(this.buffer)) !== null) {
      if (match[0] === '\r' && match.index === this.buffer.length - 1) {
        this.pendingCr = true; // a CR at the end may be the first half of CRLF
      }
      this.line(this.buffer.slice(start, match.index));
      start = lineEnd.lastIndex;
    }
    this.buffer = this.buffer.slice(start);
  }

  line(line) {
    if (line === '') {
      if (this.data.length > 0) {
        this.onEvent({id: this.lastEventId, event: this.event || 'message', data: this.data.join('\n')});
      }
      this.data = [];
      this.event = '';
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    else if (field === 'id' && !value.includes('\0')) this.lastEventId = value;
  }
}

/**
 * Keeps the views current while someone is signed in. onChange(envelopes) is called after
 * events arrived (stream) or on every poll tick (envelopes empty); onMode(mode) tells
 * 'connecting', 'stream', 'polling' or 'polling-forbidden'.
 */
export class LiveUpdates {
  constructor({onChange, onMode}) {
    this.onChange = onChange;
    this.onMode = onMode;
    this.controller = null;
    this.pollTimer = null;
    this.retryTimer = null;
    this.retryDelay = RETRY_MIN_MS;
    this.lastEventId = null;
    this.batch = [];
    this.batchTimer = null;
    this.catchUpBefore = null;
    this.running = false;
  }

  start() {
    this.stop();
    this.running = true;
    this.connect();
  }

  stop() {
    this.running = false;
    if (this.controller) this.controller.abort();
    this.controller = null;
    clearInterval(this.pollTimer);
    clearTimeout(this.retryTimer);
    clearTimeout(this.batchTimer);
    this.pollTimer = null;
    this.batch = [];
    this.lastEventId = null;
  }

  poll(mode) {
    this.onMode(mode);
    if (this.pollTimer === null) {
      this.pollTimer = setInterval(() => this.onChange([]), POLL_INTERVAL_MS);
    }
  }

  async connect() {
    if (!this.running) return;
    this.onMode('connecting');
    const controller = new AbortController();
    this.controller = controller;
    const headers = {Accept: 'text/event-stream', Authorization: authorization()};
    if (this.lastEventId !== null) headers['Last-Event-ID'] = this.lastEventId;
    let response;
    try {
      response = await fetch('api/events/stream', {
        headers, credentials: 'omit', cache: 'no-store', signal: controller.signal,
      });
    } catch (e) {
      this.retry();
      return;
    }
    if (response.status === 401 || response.status === 403) {
      // the role may not read the stream: poll for as long as this sign-in lasts
      this.poll('polling-forbidden');
      return;
    }
    const type = response.headers.get('Content-Type') || '';
    if (!response.ok || !response.body || !type.startsWith('text/event-stream')) {
      if (response.body) response.body.cancel().catch(() => {});
      this.retry();
      return;
    }
    clearInterval(this.pollTimer);
    this.pollTimer = null;
    this.retryDelay = RETRY_MIN_MS;
    // A first connection replays the events recorded before it, which the views show already:
    // those are passed over, judged by the server's clock (the Date header), not the browser's.
    if (this.lastEventId === null) {
      const serverNow = Date.parse(response.headers.get('Date') || '') || Date.now();
      this.catchUpBefore = serverNow - 1000;
    } else {
      this.catchUpBefore = null;
    }
    this.onMode('stream');
    const parser = new SseParser(message => this.received(message));
    parser.lastEventId = this.lastEventId;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const {value, done} = await reader.read();
        if (done) break;
        parser.push(value);
        // a heartbeat may move the position without an event: resume from there
        if (parser.lastEventId !== null) this.lastEventId = parser.lastEventId;
      }
    } catch (e) {
      // aborted or broken: retried below unless stopped
    }
    if (this.controller === controller) this.retry();
  }

  retry() {
    if (!this.running) return;
    this.poll('polling');
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.connect(), this.retryDelay);
    this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
  }

  received(message) {
    if (message.id !== null) {
      this.lastEventId = message.id;
      seen(message.id);
    }
    let envelope = null;
    try {
      envelope = JSON.parse(message.data);
    } catch (e) {
      envelope = {type: message.event};
    }
    if (this.catchUpBefore !== null) {
      const recorded = Date.parse(envelope?.recordedAt || '');
      if (recorded < this.catchUpBefore) return;
      this.catchUpBefore = null;
    }
    // events come in bursts (one command, several events): refresh once per burst
    this.batch.push(envelope);
    clearTimeout(this.batchTimer);
    this.batchTimer = setTimeout(() => {
      const batch = this.batch;
      this.batch = [];
      this.onChange(batch);
    }, 300);
  }
}
