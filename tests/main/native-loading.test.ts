// resvg is a per-platform native module: nothing the desktop shell or the
// handlers load at start may require it (a package whose binary is missing or
// foreign would not even open), and the packaged app loads the binary it
// carries for its own platform by path. Run in a fresh Node process each, so
// what is loaded is what these modules load, not what other tests did.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-native-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** resvg-js with this machine's own binary beside it, as the packaged app carries it. */
function carriedResvg(): string {
  const abi = process.platform === 'linux' ? '-gnu' : process.platform === 'win32' ? '-msvc' : '';
  const triple = `${process.platform}-${process.arch}${abi}`;
  const find = createRequire(join(root, 'package.json')).resolve;
  const carried = join(dir, 'resvg');
  mkdirSync(carried);
  const resvgJs = dirname(find('@resvg/resvg-js/package.json'));
  for (const file of ['package.json', 'index.js', 'js-binding.js']) copyFileSync(join(resvgJs, file), join(carried, file));
  copyFileSync(
    join(dirname(find(`@resvg/resvg-js-${triple}/package.json`)), `resvgjs.${triple}.node`),
    join(carried, `resvgjs.${triple}.node`),
  );
  return carried;
}

interface Step {
  /** A native resvg is in the process. */
  native: boolean;
  /** resvg-js is loaded from node_modules (the build machine's binary). */
  resvgPackage: boolean;
  written?: string;
}

/**
 * In one fresh process (starting tsx is slow): load the handlers as the shell
 * does, then make a picture as the packaged app does. (The CLI's pictures,
 * from node_modules, are made in infographic.test.ts.)
 */
function run(carried: string): Step[] {
  const src = (p: string) => JSON.stringify(join(root, p));
  const script = `
    require('tsx/cjs/api').register();
    const steps = [];
    const step = (written) => steps.push({
      native: process.report.getReport().sharedObjects.some((o) => /resvg/.test(o)),
      resvgPackage: Object.keys(require.cache).some((k) => /node_modules[\\\\/]@resvg[\\\\/]/.test(k)),
      ...(written ? { written: written.ok ? 'ok' : written.error.message } : {}),
    });
    require(${src('src/main/handlers/index.ts')});
    const { writeInfographic, RESVG_BINDING_ENV } = require(${src('src/main/services/infographic/index.ts')});
    const { busy } = require(${src('tests/fixtures/busy-years.ts')});
    const picture = (name) => writeInfographic({ report: busy, previous: null, highlights: [] }, 'png', require('node:path').join(${JSON.stringify(dir)}, name));
    step();
    process.env[RESVG_BINDING_ENV] = ${JSON.stringify(carried)};
    picture('packaged.png').then(step).then(() => process.stdout.write(JSON.stringify(steps)));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' })) as Step[];
}

describe('resvg', () => {
  // Two processes' worth of work on a shared machine: allowed more than the usual time.
  it('is loaded when a picture is made, not with the handlers; in the package from what it carries', { timeout: 180_000 }, () => {
    expect(run(carriedResvg())).toEqual([
      { native: false, resvgPackage: false },
      { native: true, resvgPackage: false, written: 'ok' },
    ]);
    expect(readFileSync(join(dir, 'packaged.png')).subarray(1, 4).toString()).toBe('PNG');
  });
});

/** Which modules the built bundle requires as it loads, and which only inside a function (at the point of use). */
function requiresOf(bundle: string): { atLoad: Set<string>; onUse: Set<string> } {
  const source = ts.createSourceFile('index.js', readFileSync(bundle, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const atLoad = new Set<string>();
  const onUse = new Set<string>();
  const visit = (node: ts.Node, inFunction: boolean): void => {
    if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0]!)) {
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      if (isRequire || isImport) (inFunction || isImport ? onUse : atLoad).add(node.arguments[0].text);
    }
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) atLoad.add(node.moduleSpecifier.text);
    ts.forEachChild(node, (child) => visit(child, inFunction || ts.isFunctionLike(node)));
  };
  visit(source, false);
  return { atLoad, onUse };
}

describe("the desktop app's main bundle", () => {
  it('loads resvg only from inside the function that makes a picture', () => {
    const bundle = join(root, 'out/main/index.js');
    expect(existsSync(bundle), '先运行 npm run build 构建主进程').toBe(true);
    const { atLoad, onUse } = requiresOf(bundle);
    expect(atLoad).toContain('electron');
    expect(atLoad).not.toContain('@resvg/resvg-js');
    expect(onUse).toContain('@resvg/resvg-js');
  });
});
