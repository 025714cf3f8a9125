// The platforms the desktop package is built for, and what each one needs
// that npm installs only for the machine it runs on: resvg's per-platform
// package, and how to recognise the platform's own binaries (executable
// headers), so that a package carrying another system's files is caught
// before a clerk installs it. Read by the packaging hook and the artifact check.

/** electron-builder's platform key (`${os}` in its macros) for Node's platform names. */
const OS_OF = { win32: 'win', linux: 'linux', darwin: 'mac' };

/** Per target: resvg's platform package suffix. Only what electron-builder.yml builds (a test keeps them equal). */
const TARGETS = {
  'win32-x64': { resvg: 'win32-x64-msvc', name: 'Windows x64' },
  'linux-x64': { resvg: 'linux-x64-gnu', name: 'Linux x64（统信UOS、麒麟）' },
  'linux-arm64': { resvg: 'linux-arm64-gnu', name: 'Linux arm64（统信UOS、麒麟，国产 ARM 处理器）' },
};

/** The target for a platform and arch, or null where the package is not built for it. */
function targetOf(platform, arch) {
  const entry = TARGETS[`${platform}-${arch}`];
  return entry ? { platform, arch, os: OS_OF[platform], ...entry } : null;
}

// Executable headers: ELF (Linux), PE (Windows), Mach-O (macOS), and the CPU each names.
const ELF_MACHINES = { 0x03: 'ia32', 0x28: 'arm', 0x3e: 'x64', 0xb7: 'arm64', 0xf3: 'riscv64' };
const PE_MACHINES = { 0x014c: 'ia32', 0x01c4: 'arm', 0x8664: 'x64', 0xaa64: 'arm64' };
const MACHO_CPUS = { 0x01000007: 'x64', 0x0100000c: 'arm64', 0x00000007: 'ia32' };

/**
 * The platform and CPU a binary is for, from its first bytes (4 KiB are
 * plenty), or null when the bytes are no executable, library or native module.
 */
function binaryKind(head) {
  if (head.length >= 20 && head.readUInt32BE(0) === 0x7f454c46) {
    const little = head[5] === 1;
    const machine = little ? head.readUInt16LE(18) : head.readUInt16BE(18);
    return { platform: 'linux', arch: ELF_MACHINES[machine] ?? `elf-0x${machine.toString(16)}` };
  }
  if (head.length >= 64 && head.toString('latin1', 0, 2) === 'MZ') {
    const pe = head.readUInt32LE(0x3c);
    if (pe + 6 <= head.length && head.toString('latin1', pe, pe + 4) === 'PE\0\0') {
      const machine = head.readUInt16LE(pe + 4);
      return { platform: 'win32', arch: PE_MACHINES[machine] ?? `pe-0x${machine.toString(16)}` };
    }
    return null; // a DOS stub without a PE header: not a Windows binary we would load
  }
  if (head.length >= 8) {
    const magic = head.readUInt32LE(0);
    if (magic === 0xfeedfacf || magic === 0xfeedface) {
      const cpu = head.readUInt32LE(4);
      return { platform: 'darwin', arch: MACHO_CPUS[cpu] ?? `macho-0x${cpu.toString(16)}` };
    }
    if (head.readUInt32BE(0) === 0xcafebabe && head.readUInt32BE(4) < 20) return { platform: 'darwin', arch: 'universal' };
  }
  return null;
}

module.exports = { OS_OF, TARGETS, targetOf, binaryKind };
