#!/usr/bin/env node
// `npm start`: build the app and serve it locally with the default scenario loaded.
// The production build is what we test and ship, so it is also what we serve here.
import { spawnSync, spawn } from 'node:child_process';

const port = process.env.PORT ?? '4173';
const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
console.log(`\nEdgeLab is running at http://127.0.0.1:${port}/  (Ctrl+C to stop)\n`);
const server = spawn('npx', ['vite', 'preview', '--port', port, '--strictPort'], { stdio: 'inherit' });
server.on('exit', (code) => process.exit(code ?? 0));
