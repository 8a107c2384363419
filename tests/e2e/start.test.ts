import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { freePort } from '@cairn/db';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  ms: number;
}

/** `npm start` without a DATABASE_URL, as a user runs it (the build is done by `npm test` first). */
async function start(dataDir: string, port: number): Promise<Started> {
  const began = Date.now();
  const child = spawn(process.execPath, ['backend/dist/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      PORT: String(port),
      CAIRN_DATA_DIR: dataDir,
      DATABASE_URL: '',
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start banner within 60 s:\n${out}`)), 60_000);
    const check = () => {
      const m = /Cairn is running at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
  });
  return { child, url, output: () => out, ms: Date.now() - began };
}

function stop(s: Started): Promise<void> {
  return new Promise((resolve) => {
    s.child.on('exit', () => resolve());
    s.child.kill('SIGTERM');
  });
}

describe('npm start (embedded PostgreSQL)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cairn-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts with demo data, answers me for the demo therapist, and reuses .data on the next start', async () => {
    const port = await freePort();
    const first = await start(dataDir, port);
    try {
      expect(first.ms).toBeLessThan(60_000);
      expect(first.output()).toContain('therapist1@demo.cairn.test');
      const agent = request.agent(first.url);
      const login = await agent
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query: 'mutation { login(email: "therapist1@demo.cairn.test", password: "cairn-demo") { id } }' });
      expect(login.body.errors).toBeUndefined();
      const me = await agent
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query: '{ me { email role } }' });
      expect(me.body.data.me).toEqual({ email: 'therapist1@demo.cairn.test', role: 'THERAPIST' });
      const health = await request(first.url).get('/health');
      expect(health.status).toBe(200);
    } finally {
      await stop(first);
    }

    const second = await start(dataDir, port);
    try {
      expect(second.output()).not.toContain('demo practice created');
      const agent = request.agent(second.url);
      await agent
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query: 'mutation { login(email: "manager@demo.cairn.test", password: "cairn-demo") { id } }' });
      const me = await agent
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query: '{ me { practiceName } }' });
      expect(me.body.data.me.practiceName).toBe('Riverside Psychology (demo)');
    } finally {
      await stop(second);
    }
    // Two starts, each allowed its own minute: one test minute is too little when the suite runs beside it.
  }, 150_000);
});
