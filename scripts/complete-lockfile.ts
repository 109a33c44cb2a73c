// Run after `npm install` changes package-lock.json.
//
// The registry this project is built against serves only the platform binaries for the
// machines we run on, so npm leaves the other platforms' optional packages (biome for darwin,
// tailwind's oxide for win32 …) out of the lockfile — and `npm ci` then refuses the lockfile as
// "not in sync". This adds those entries back with their os/cpu, exactly as npm writes them on
// a full registry; npm ci skips them on other platforms and never downloads them.
import fs from "node:fs";

const lockPath = "package-lock.json";
const lock = JSON.parse(fs.readFileSync(lockPath, "utf8"));
const packages: Record<string, Record<string, unknown>> = lock.packages;

const osTokens = [
  "android",
  "darwin",
  "freebsd",
  "linux",
  "win32",
  "openbsd",
  "netbsd",
  "sunos",
  "aix",
];
const cpuTokens = ["arm64", "x64", "arm", "ia32", "wasm32", "riscv64", "ppc64", "s390x", "loong64"];

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  const optional = entry.optionalDependencies as Record<string, string> | undefined;
  if (!optional) continue;
  const base = location.slice(0, location.lastIndexOf("node_modules/"));
  for (const [name, version] of Object.entries(optional)) {
    const target = `${base}node_modules/${name}`;
    if (packages[target] || packages[`node_modules/${name}`]) continue;
    const tokens = name.split("/").pop()?.split("-") ?? [];
    const os = tokens.find((t) => osTokens.includes(t));
    const cpu = tokens.find((t) => cpuTokens.includes(t));
    if (!cpu) continue;
    const libc =
      os === "linux"
        ? tokens.includes("musl")
          ? "musl"
          : tokens.includes("gnu") || tokens.includes("gnueabihf")
            ? "glibc"
            : undefined
        : undefined;
    packages[target] = {
      version,
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(entry.dev ? { dev: true } : {}),
      ...(libc ? { libc: [libc] } : {}),
      optional: true,
      ...(os ? { os: [os] } : {}),
    };
    added += 1;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`${added} platform entries added to ${lockPath}`);
