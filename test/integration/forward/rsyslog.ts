/** A real Debian rsyslogd on a loopback port with a private config: nothing of the host's logging. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';

export interface RsyslogTls {
  caFile: string;
  certFile: string;
  keyFile: string;
}

export class Rsyslog {
  readonly outFile: string;
  private proc: ChildProcess | null = null;
  private readonly conf: string;

  constructor(
    private readonly dir: string,
    readonly port: number,
    tls?: RsyslogTls,
  ) {
    mkdirSync(join(dir, 'work'), { recursive: true });
    this.outFile = join(dir, 'received.log');
    this.conf = join(dir, 'rsyslog.conf');
    const driver = tls
      ? `global(DefaultNetstreamDriver="gtls" DefaultNetstreamDriverCAFile="${tls.caFile}" DefaultNetstreamDriverCertFile="${tls.certFile}" DefaultNetstreamDriverKeyFile="${tls.keyFile}")
module(load="imtcp" StreamDriver.Name="gtls" StreamDriver.Mode="1" StreamDriver.AuthMode="anon")`
      : 'module(load="imtcp")';
    // No imuxsock/imklog: this instance hears only its TCP port and writes only its own file.
    writeFileSync(
      this.conf,
      `global(workDirectory="${join(dir, 'work')}")
${driver}
input(type="imtcp" port="${port}" address="127.0.0.1")
template(name="elv" type="string" string="%msgid% %structured-data% %msg%\\n")
action(type="omfile" file="${this.outFile}" template="elv")
`,
    );
  }

  async start(): Promise<void> {
    const proc = spawn('rsyslogd', ['-n', '-f', this.conf, '-i', join(this.dir, 'rsyslogd.pid')], {
      stdio: 'ignore',
    });
    this.proc = proc;
    const until = Date.now() + 10_000;
    while (!(await canConnect(this.port))) {
      if (proc.exitCode !== null)
        throw new Error(`rsyslogd exited with ${proc.exitCode}; config ${this.conf}`);
      if (Date.now() > until) throw new Error('rsyslogd did not listen within 10 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async stop(): Promise<void> {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null) return;
    this.proc = null;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
  }

  /** Messages received so far: MSGID and the JSON event from MSG. */
  messages(): { msgid: string; sd: string; event: { id: string } & Record<string, unknown> }[] {
    if (!existsSync(this.outFile)) return [];
    return readFileSync(this.outFile, 'utf8')
      .split('\n')
      .filter((l) => l.includes('{'))
      .map((line) => {
        const [msgid = '', ...rest] = line.split(' ');
        const text = rest.join(' ');
        const json = text.slice(text.indexOf('\uFEFF{') + 1);
        return {
          msgid,
          sd: text.slice(0, text.indexOf('\uFEFF{')).trim(),
          event: JSON.parse(json),
        };
      });
  }
}

/** A port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}
