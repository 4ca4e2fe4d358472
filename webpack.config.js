/* eslint-disable no-undef */
// Builds the task pane and ribbon command pages, in the shape of Microsoft's Office add-in
// templates, on tools that run on Node 20 (webpack 5, webpack-cli 5, webpack-dev-server 5).
const path = require('path');
const fs = require('fs');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { productionManifest } = require('./scripts/check-manifest.js');

// Where the production build is hosted; override with PLANCHECK_URL when deploying.
const urlProd = process.env.PLANCHECK_URL || 'https://plancheck.example.org/';

async function httpsOptions() {
  // office-addin-dev-certs installs a trusted certificate where the machine has a keychain
  // (Windows, macOS); elsewhere it fails and webpack-dev-server's self-signed one is used.
  try {
    const devCerts = require('office-addin-dev-certs');
    return await devCerts.getHttpsServerOptions();
  } catch {
    const dir = path.join(__dirname, '.certs');
    if (fs.existsSync(path.join(dir, 'localhost.key'))) {
      return { key: fs.readFileSync(path.join(dir, 'localhost.key')), cert: fs.readFileSync(path.join(dir, 'localhost.crt')) };
    }
    console.warn('PlanCheck: no trusted developer certificate could be set up here; serving with a self-signed one (the browser will warn).');
    return {};
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === 'development';
  return {
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      // Keep the CLI (dist/node) and benchmark (dist/bench) builds that share dist/.
      clean: { keep: /^(node|bench)[\/]/ },
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    // ES2020 output, no IE11 polyfills: Office's current webviews are Edge/Chromium and WebKit.
    target: ['web', 'es2020'],
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // ESM modules so tree-shaking works (CommonJS makes Fluent's icons ~40x bigger).
            options: { configFile: 'tsconfig.web.json', transpileOnly: true },
          },
        },
        {
          // The core and the app layer run nothing when loaded (declarations only), so a module
          // none of whose exports a chunk uses is left out of it: the update cycle's engine,
          // reached through the barrels' `export *`, then loads only with the pane's lazy chunk.
          test: /[\\/]src[\\/](core|app)[\\/].*\.ts$/,
          sideEffects: false,
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*', to: 'assets/[name][ext]' },
          { from: 'src/commands/notice.html', to: 'notice.html' },
          // The manifest's SupportUrl and LearnMoreUrl.
          { from: 'src/help/help.html', to: 'help.html' },
          {
            from: 'manifest*.xml',
            to: '[name][ext]',
            transform: (content) => (dev ? content : productionManifest(content.toString(), urlProd)),
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      static: { directory: path.join(__dirname, 'dist') },
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: env.WEBPACK_SERVE ? await httpsOptions() : {} },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
};
