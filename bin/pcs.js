#!/usr/bin/env node
// `npx pcs …`: runs the TypeScript CLI in-process through tsx, so there is no build step.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/core/cli/main.ts', import.meta.url).href);
