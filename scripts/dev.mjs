// `npm run dev`: the API restarts when backend code changes (tsc --watch + node --watch) and the
// web app hot-reloads through Vite on http://localhost:5173 (proxying /graphql and /exports to :4000).
import { spawn, spawnSync } from 'node:child_process';

const build = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-b'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const children = [
  spawn(process.execPath, ['node_modules/typescript/bin/tsc', '-b', '--watch', '--preserveWatchOutput'], {
    stdio: 'inherit',
  }),
  spawn(process.execPath, ['--watch-path=backend/dist', '--watch-path=shared/dist', 'backend/dist/main.js'], {
    stdio: 'inherit',
  }),
  spawn('npm', ['run', 'dev', '-w', '@cairn/frontend'], { stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
