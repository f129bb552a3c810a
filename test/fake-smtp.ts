// A minimal SMTP server for tests: accepts every message and keeps it, or answers each DATA
// with a chosen error. nodemailer talks to it exactly as to a real server.
import net from "node:net";

export interface ReceivedMail {
  from: string;
  to: string[];
  data: string;
}

export interface FakeSmtp {
  url: string;
  received: ReceivedMail[];
  /** Next DATA answers this (e.g. "451 try later" or "550 no such user"); null accepts. */
  failWith: string | null;
  close(): Promise<void>;
}

export async function startFakeSmtp(): Promise<FakeSmtp> {
  const state: FakeSmtp = { url: "", received: [], failWith: null, close: async () => {} };
  const server = net.createServer((socket) => {
    let buffer = "";
    let mail: ReceivedMail | null = null;
    let inData = false;
    socket.write("220 fake.smtp ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("latin1");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          mail!.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          if (state.failWith) socket.write(`${state.failWith}\r\n`);
          else {
            state.received.push(mail!);
            socket.write("250 OK queued\r\n");
          }
          continue;
        }
        const nl = buffer.indexOf("\r\n");
        if (nl < 0) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === "EHLO" || cmd === "HELO") socket.write("250-fake.smtp\r\n250 8BITMIME\r\n");
        else if (cmd === "MAIL") {
          mail = { from: line.slice(10), to: [], data: "" };
          socket.write("250 OK\r\n");
        } else if (cmd === "RCPT") {
          mail?.to.push(line.slice(8));
          socket.write("250 OK\r\n");
        } else if (cmd === "DATA") {
          inData = true;
          socket.write("354 go ahead\r\n");
        } else if (cmd === "QUIT") {
          socket.end("221 bye\r\n");
        } else socket.write("250 OK\r\n");
      }
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  state.url = `smtp://127.0.0.1:${port}`;
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}
