/** Default locations from PROTOCOL.md / DESIGN.md, per OS. */
export function defaultSocketPath(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return '\\\\.\\pipe\\elevate-agent';
  if (platform === 'darwin') return '/var/run/elevate/agent.sock';
  return '/run/elevate/agent.sock';
}

export function defaultStateDir(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return 'C:\\ProgramData\\Elevate';
  if (platform === 'darwin') return '/Library/Application Support/Elevate';
  return '/var/lib/elevate';
}

/** The socket a client uses: $ELEVATE_SOCKET when set (tests, demo), else the OS default. */
export function clientSocketPath(): string {
  return process.env.ELEVATE_SOCKET || defaultSocketPath();
}
