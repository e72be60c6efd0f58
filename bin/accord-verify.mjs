#!/usr/bin/env node
// Entry of `npx accord-verify`: runs the TypeScript verifier through tsx's loader.
import { register } from 'tsx/esm/api';

register({ tsconfig: new URL('../tsconfig.json', import.meta.url).pathname });
await import('./accord-verify.ts');
