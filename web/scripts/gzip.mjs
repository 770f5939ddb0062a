// After `vite build`: a maximally compressed `<file>.gz` beside each text file of dist/, which
// `cnscd serve` sends to clients that accept gzip (src/http/static_files.cpp). Compressing once at
// build time costs the server nothing per request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

const TEXT = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      walk(path);
    } else if (TEXT.test(name)) {
      const bytes = readFileSync(path);
      if (bytes.length < 1024) continue; // not worth a second file
      const gz = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
      if (gz.length < bytes.length) writeFileSync(path + '.gz', gz);
    }
  }
}

walk(new URL('../dist', import.meta.url).pathname);
