// After `vite build`: a maximally compressed `<file>.gz` and `<file>.br` beside each text file of
// dist/, which `cnscd serve` sends to clients that accept them (src/http/static_files.cpp; brotli
// first, some 10 % smaller on scripts). Compressing once at build time costs the server nothing
// per request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

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
      const br = brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      });
      if (br.length < bytes.length) writeFileSync(path + '.br', br);
    }
  }
}

walk(new URL('../dist', import.meta.url).pathname);
