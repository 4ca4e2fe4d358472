/** Bundles office-double.ts (and the strict fake Excel it wraps) for the browser tests' Excel mode. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import webpack from 'webpack';

/** The double as one script to add to a page; `filename` keeps concurrent suites apart. */
export function bundleOfficeDouble(filename: string): Promise<string> {
  const out = path.join(__dirname, '..', '..', 'dist-test');
  return new Promise((resolve, reject) => {
    webpack(
      {
        mode: 'development',
        devtool: false,
        target: ['web', 'es2020'],
        entry: path.join(__dirname, 'office-double.ts'),
        output: { path: out, filename },
        resolve: { extensions: ['.ts', '.js'] },
        module: { rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.web.json' } }] },
      },
      (err, stats) => {
        if (err || stats?.hasErrors()) return reject(err ?? new Error(stats?.toString('errors-only')));
        resolve(fs.readFileSync(path.join(out, filename), 'utf8'));
      },
    );
  });
}
