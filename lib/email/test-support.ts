// Test-only helpers: fixture paths, template filling and generated messages for the email tests.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test/fixtures");

/** Dummy values for the `{{…}}` placeholders of `*.eml.tmpl` cases (see test/fixtures/cases/README.md). */
export const PLACEHOLDERS: Record<string, string> = {
  N: "482913",
  ACK_MESSAGE_ID: "<ack-482913-0001@helpdesk.example.com>",
  AGENT_REPLY_MESSAGE_ID: "<reply-482913-0002@helpdesk.example.com>",
  PREVIOUS_OUTBOUND_MESSAGE_ID: "<ack-482913-0001@helpdesk.example.com>",
  K: "286614",
  SS: "10",
};

export function fixture(relative: string): Buffer {
  return readFileSync(path.join(root, "email-fixtures", relative));
}

/** A case input; `.tmpl` files get their placeholders filled (bytes outside them untouched). */
export function caseInput(relative: string, values: Record<string, string> = PLACEHOLDERS): Buffer {
  const raw = readFileSync(path.join(root, "cases", relative));
  if (!relative.endsWith(".tmpl")) return raw;
  const filled = raw.toString("latin1").replace(/\{\{([A-Z_]+)\}\}/g, (m, key: string) => values[key] ?? m);
  if (/\{\{[A-Z_]+\}\}/.test(filled)) throw new Error(`unfilled placeholder in ${relative}`);
  return Buffer.from(filled, "latin1");
}

/** The oversize message of case 14 steps.md, built in memory (`mib` MiB of "A"). */
export function oversizeMessage(mib: number): Buffer {
  const big = Buffer.alloc(mib * 1024 * 1024, 0x41);
  const b64 = big.toString("base64").replace(/.{76}/g, "$&\n");
  return Buffer.from(
    [
      "From: Ines Duarte <ines.duarte@example.pt>",
      "To: support@example.com",
      "Subject: Full crash dump",
      "Message-ID: <oversize-0001@mail.example.pt>",
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="big"',
      "",
      "--big",
      "Content-Type: text/plain; charset=UTF-8",
      "",
      "Crash dump attached.",
      "--big",
      'Content-Type: application/octet-stream; name="big.bin"',
      "Content-Transfer-Encoding: base64",
      'Content-Disposition: attachment; filename="big.bin"',
      "",
      b64,
      "--big--",
      "",
    ].join("\n"),
  );
}

/** Builds a small message from header lines and a body, LF line ends. */
export function message(headers: string[], body: string): Buffer {
  return Buffer.from([...headers, "", body].join("\n"), "utf8");
}
