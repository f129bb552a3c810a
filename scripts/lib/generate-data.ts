// Bulk generator of realistic help-desk data: departments, staff, teams, organizations, users,
// tickets in every state with threads, and their search documents. Rows go in as one
// INSERT ... SELECT FROM unnest(arrays) per batch (works on PostgreSQL and PGlite alike), two
// batches in flight, so the database rather than JavaScript is the limit.
import type { Db } from "@/db/client";
import { getSettings } from "@/lib/config/settings";
import { prepareText } from "@/lib/search/text";
import { capacityOf, MIN_DIGITS, randomTicketNumber } from "@/lib/tickets/number";

type Query = (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export function rawQuery(db: Db): Query {
  const client = (db as unknown as { $client: { query: Query } }).$client;
  return (text, params) => client.query(text, params);
}

function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEPTS = ["Support", "Billing", "Web Development", "Hosting", "Network", "Accounts", "Design", "Security"];
const FIRST = ["Dana", "Lee", "Omar", "Ines", "Klaus", "Hanako", "Priya", "Marco", "Sofia", "Tom", "Aisha", "Jonas", "Mei", "Carlos", "Nina", "Raj", "Yuki", "Lars", "Amara", "Pavel", "Chloe", "Diego", "Fatima", "Hugo"];
const LAST = ["Whitfield", "Ortega", "Haddad", "Duarte", "Becker", "Yamada", "Nair", "Rossi", "Lindqvist", "Baker", "Bello", "Berg", "Chen", "Mendes", "Novak", "Patel", "Sato", "Kowalski", "Okafor", "Moreau", "Silva", "Jensen", "Ivanova", "Tanaka"];
const ORG_WORDS = ["Acme", "Bluebird", "Cedar", "Delta", "Evergreen", "Fjord", "Granite", "Harbor", "Iris", "Juniper", "Keystone", "Lumen", "Maple", "Northwind", "Orchid", "Pioneer", "Quartz", "Redwood", "Summit", "Tidal"];
const ORG_KINDS = ["Logistics", "Dental", "Law", "Freight", "Schools", "Outdoor", "Bank", "Clinics", "Studio", "Foods", "Energy", "Labs", "Realty", "Travel", "Media"];
const NOUNS = ["printer", "invoice", "password", "vpn", "email", "website", "server", "backup", "laptop", "certificate", "domain", "database", "firewall", "router", "calendar", "newsletter", "checkout", "account", "report", "license", "phone", "wifi", "dns", "login", "upload", "plugin", "theme", "payment", "form", "mailbox"];
const VERBS = ["fails", "stopped working", "is slow", "shows an error", "needs an update", "keeps crashing", "was charged twice", "cannot be reached", "expired", "is missing", "looks broken", "times out"];
const FILLER = "the a our we since yesterday morning after update please could you check urgent again still when customers staff office team today week new old all some this that it is was not can help thanks regards hello hi".split(" ");
// A long tail of rarer words, so searches for rare terms have few hits.
const RARE = Array.from({ length: 4000 }, (_, i) => `${["zor", "qua", "vex", "mip", "tul", "ranx", "bel", "osk"][i % 8]}${(i * 7919).toString(36)}`);
const JA_SUBJECTS = ["請求書が届きません", "東京オフィスのプリンターが動きません", "パスワードを再設定したい", "ウェブサイトの表示が遅い", "メールが送信できません"];
const JA_BODIES = ["先月の請求書が二重に届きました。確認してください。", "京都オフィスのネットワークが朝から不安定です。", "ログインすると毎回エラーが表示されます。至急対応をお願いします。"];

export interface GenerateOptions {
  tickets: number;
  batch?: number;
  seed?: number;
  log?: (line: string) => void;
}

export async function generateData(db: Db, opts: GenerateOptions) {
  const q = rawQuery(db);
  const rand = prng(opts.seed ?? 7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const log = opts.log ?? (() => {});
  const started = Date.now();
  const batchSize = opts.batch ?? 5000;

  // Catalog: departments, staff, teams (idempotent by name).
  const sla = (await q("SELECT id FROM sla_plans ORDER BY id LIMIT 1")).rows[0]?.id ?? null;
  for (const name of DEPTS) await q("INSERT INTO departments (name, sla_id) SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM departments WHERE lower(name) = lower($1))", [name, sla]);
  const depts = (await q("SELECT id FROM departments ORDER BY id")).rows.map((r) => Number(r.id));
  const prios = (await q("SELECT id, urgency FROM priorities ORDER BY urgency")).rows.map((r) => Number(r.id));
  const topics = (await q("SELECT id, dept_id FROM help_topics ORDER BY id")).rows.map((r) => ({ id: Number(r.id), deptId: Number(r.dept_id) }));
  const hash = (await q("SELECT password_hash FROM staff WHERE password_hash IS NOT NULL LIMIT 1")).rows[0]?.password_hash ?? "!";
  const staffByDept = new Map<number, number[]>();
  let sCount = 0;
  for (const d of depts) {
    for (let i = 0; i < 8; i++) {
      const email = `gen.agent${d}.${i}@staff.example`;
      await q(
        `INSERT INTO staff (email, name, role, password_hash, primary_dept_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [email, `${pick(FIRST)} ${pick(LAST)}`, i === 0 ? "manager" : "agent", hash, d],
      );
      const id = Number((await q("SELECT id FROM staff WHERE email = $1", [email])).rows[0].id);
      await q("INSERT INTO staff_departments (staff_id, dept_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", [id, d]);
      staffByDept.set(d, [...(staffByDept.get(d) ?? []), id]);
      sCount++;
    }
  }
  const teamIds: number[] = [];
  for (let i = 0; i < 6; i++) {
    const name = `Gen team ${i + 1}`;
    await q("INSERT INTO teams (name) SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM teams WHERE name = $1)", [name]);
    teamIds.push(Number((await q("SELECT id FROM teams WHERE name = $1", [name])).rows[0].id));
  }

  // Organizations and users: one user for every ~10 tickets, most in an organization.
  const orgCount = Math.max(5, Math.round(opts.tickets / 500));
  const orgStart = Number((await q("SELECT coalesce(max(id), 0) AS m FROM organizations")).rows[0].m);
  const orgNames = Array.from({ length: orgCount }, (_, i) => `${pick(ORG_WORDS)} ${pick(ORG_KINDS)} ${orgStart + i + 1}`);
  const orgIds = (
    await q("INSERT INTO organizations (name, domains) SELECT n, ARRAY[d] FROM unnest($1::text[], $2::text[]) AS x(n, d) RETURNING id", [
      orgNames,
      orgNames.map((n) => `${n.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.example`),
    ])
  ).rows.map((r) => Number(r.id));
  const userCount = Math.max(10, Math.round(opts.tickets / 10));
  const users: Array<{ id: number; name: string; email: string; orgIdx: number | null }> = [];
  for (let off = 0; off < userCount; off += 20_000) {
    const n = Math.min(20_000, userCount - off);
    const names: string[] = [];
    const emails: string[] = [];
    const orgs: (number | null)[] = [];
    for (let i = 0; i < n; i++) {
      const name = `${pick(FIRST)} ${pick(LAST)}`;
      const orgIdx = rand() < 0.8 ? Math.floor(rand() * orgIds.length) : null;
      names.push(name);
      emails.push(`${name.toLowerCase().replace(" ", ".")}.${orgStart}.${off + i}@${orgIdx === null ? "mail.example" : `org${orgIds[orgIdx]}.example`}`);
      orgs.push(orgIdx === null ? null : orgIds[orgIdx]);
    }
    const ids = (await q("INSERT INTO users (name, email, org_id) SELECT * FROM unnest($1::text[], $2::text[], $3::int[]) RETURNING id", [names, emails, orgs])).rows;
    ids.forEach((r, i) => users.push({ id: Number(r.id), name: names[i], email: emails[i], orgIdx: orgs[i] === null ? null : orgIds.indexOf(orgs[i]!) }));
  }
  const orgNameById = new Map(orgIds.map((id, i) => [id, orgNames[i]]));
  log(`catalog: ${depts.length} departments, ${sCount} staff, ${teamIds.length} teams, ${orgIds.length} organizations, ${users.length} users (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  // Ticket numbers: random, unique, 6 digits until half that space is used, then 7 (lib/tickets/number.ts).
  const format = (await getSettings(db)).ticketNumberFormat;
  const taken = new Set<string>((await q("SELECT number FROM tickets")).rows.map((r) => String(r.number)));
  let six = [...taken].filter((n) => n.length === MIN_DIGITS).length;
  const nextNumber = () => {
    for (;;) {
      const digits = six < capacityOf(MIN_DIGITS) / 2 ? MIN_DIGITS : MIN_DIGITS + 1;
      const n = randomTicketNumber(digits);
      if (taken.has(n)) continue;
      taken.add(n);
      if (digits === MIN_DIGITS) six++;
      return n;
    }
  };

  const now = Date.now();
  const span = 3 * 365 * 86_400_000;
  const words = (n: number) => Array.from({ length: n }, () => (rand() < 0.06 ? pick(RARE) : rand() < 0.5 ? pick(NOUNS) : pick(FILLER))).join(" ");

  function makeBatch(size: number) {
    const t = {
      number: [] as string[], subject: [] as string[], status: [] as string[], userId: [] as number[], orgId: [] as (number | null)[], deptId: [] as number[],
      topicId: [] as (number | null)[], priorityId: [] as number[], dueAt: [] as (string | null)[], isOverdue: [] as boolean[], staffId: [] as (number | null)[],
      teamId: [] as (number | null)[], source: [] as string[], isAnswered: [] as boolean[], docsRequired: [] as boolean[], docsAck: [] as (string | null)[],
      urgency: [] as (number | null)[], urgencyLevel: [] as (string | null)[], createdAt: [] as string[], updatedAt: [] as string[], lastMessageAt: [] as string[],
      lastResponseAt: [] as (string | null)[], closedAt: [] as (string | null)[], escalated: [] as boolean[],
    };
    const entries: Array<{ texts: Array<{ type: string; text: string; staff: number | null; at: string }> }> = [];
    const docs: Array<{ a: string; b: string; d: string }> = [];
    for (let i = 0; i < size; i++) {
      const u = users[Math.floor(rand() * users.length)];
      const dept = depts[Math.floor(Math.pow(rand(), 1.5) * depts.length)];
      const created = now - Math.floor(rand() * span);
      const age = now - created;
      const r = rand();
      const status = age < 14 * 86_400_000 ? (r < 0.45 ? "open" : r < 0.65 ? "awaiting_client" : r < 0.8 ? "resolved" : "closed") : r < 0.04 ? "open" : r < 0.06 ? "awaiting_client" : r < 0.09 ? "resolved" : r < 0.85 ? "closed" : "archived";
      const open = status === "open" || status === "awaiting_client";
      const updated = Math.min(now, created + Math.floor(rand() * (open ? age : Math.min(age, 20 * 86_400_000))));
      const deptStaff = staffByDept.get(dept)!;
      const a = rand();
      const staffId = a < 0.75 ? deptStaff[Math.floor(rand() * deptStaff.length)] : null;
      const teamId = a >= 0.75 && a < 0.85 ? teamIds[Math.floor(rand() * teamIds.length)] : null;
      const ja = rand() < 0.02;
      const subject = ja ? pick(JA_SUBJECTS) : `${pick(NOUNS)} ${pick(VERBS)}${rand() < 0.3 ? ` ${words(2)}` : ""}`.replace(/^./, (c) => c.toUpperCase());
      const nEntries = 1 + Math.floor(rand() * 4);
      const texts: Array<{ type: string; text: string; staff: number | null; at: string }> = [];
      let answered = false;
      for (let k = 0; k < nEntries; k++) {
        const type = k === 0 ? "message" : rand() < 0.55 ? "response" : rand() < 0.5 ? "message" : "note";
        if (type === "response") answered = true;
        if (type === "message") answered = false;
        const at = new Date(created + Math.floor(((updated - created) * k) / nEntries)).toISOString();
        texts.push({ type, text: ja ? pick(JA_BODIES) : `${words(12 + Math.floor(rand() * 30))}.`, staff: type === "message" ? null : staffId ?? deptStaff[0], at });
      }
      const due = open && rand() < 0.5 ? created + 2 * 86_400_000 : null;
      const docsRequired = rand() < 0.05;
      const hasUrgency = rand() < 0.3;
      const urgency = hasUrgency ? Math.floor(rand() * 101) : null;
      const orgId = u.orgIdx === null ? null : orgIds[u.orgIdx];
      t.number.push(format === "sequence" ? "" : nextNumber());
      t.subject.push(subject.slice(0, 255));
      t.status.push(status);
      t.userId.push(u.id);
      t.orgId.push(orgId);
      t.deptId.push(dept);
      const topic = topics.find((x) => x.deptId === dept);
      t.topicId.push(topic && rand() < 0.6 ? topic.id : null);
      t.priorityId.push(prios[Math.min(prios.length - 1, Math.floor(Math.pow(rand(), 2) * prios.length + (rand() < 0.6 ? 1 : 0)))]);
      t.dueAt.push(due ? new Date(due).toISOString() : null);
      t.isOverdue.push(!!due && due < now);
      t.staffId.push(staffId);
      t.teamId.push(teamId);
      t.source.push(pick(["email", "email", "email", "api", "web", "phone", "staff"]));
      t.isAnswered.push(answered);
      t.docsRequired.push(docsRequired);
      t.docsAck.push(docsRequired && rand() < 0.6 ? new Date(updated).toISOString() : null);
      t.urgency.push(urgency);
      t.urgencyLevel.push(urgency === null ? null : urgency >= 75 ? "critical" : urgency >= 50 ? "high" : urgency >= 25 ? "medium" : "low");
      t.createdAt.push(new Date(created).toISOString());
      t.updatedAt.push(new Date(updated).toISOString());
      t.lastMessageAt.push(texts.filter((e) => e.type === "message").at(-1)!.at);
      t.lastResponseAt.push(texts.filter((e) => e.type === "response").at(-1)?.at ?? null);
      t.closedAt.push(open ? null : new Date(updated).toISOString());
      t.escalated.push(rand() < 0.01);
      entries.push({ texts });
      docs.push({ a: "", b: prepareText(`${u.name} ${u.email} ${orgId ? orgNameById.get(orgId) : ""}`), d: texts.map((e) => prepareText(e.text)).join("\n") });
    }
    return { t, entries, docs };
  }

  async function insertBatch(b: ReturnType<typeof makeBatch>) {
    const t = b.t;
    const numberExpr = format === "sequence" ? "nextval('ticket_number_seq')::text" : "x.number";
    const ins = await q(
      `INSERT INTO tickets (number, subject, status, user_id, org_id, dept_id, topic_id, priority_id, due_at, is_overdue, staff_id, team_id, source, is_answered,
         docs_required, docs_acknowledged_at, ai_urgency, ai_urgency_level, created_at, updated_at, last_message_at, last_response_at, closed_at)
       SELECT ${numberExpr}, x.subject, x.status::ticket_status, x.user_id, x.org_id, x.dept_id, x.topic_id, x.priority_id, x.due_at, x.is_overdue, x.staff_id, x.team_id,
         x.source::ticket_source, x.is_answered, x.docs_required, x.docs_ack, x.urgency, x.urgency_level::urgency_level, x.created_at, x.updated_at, x.last_message_at, x.last_response_at, x.closed_at
       FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[], $9::timestamptz[], $10::bool[], $11::int[], $12::int[],
         $13::text[], $14::bool[], $15::bool[], $16::timestamptz[], $17::smallint[], $18::text[], $19::timestamptz[], $20::timestamptz[], $21::timestamptz[], $22::timestamptz[], $23::timestamptz[])
         WITH ORDINALITY AS x(number, subject, status, user_id, org_id, dept_id, topic_id, priority_id, due_at, is_overdue, staff_id, team_id, source, is_answered,
           docs_required, docs_ack, urgency, urgency_level, created_at, updated_at, last_message_at, last_response_at, closed_at, ord)
       ORDER BY x.ord
       RETURNING id, number`,
      [t.number, t.subject, t.status, t.userId, t.orgId, t.deptId, t.topicId, t.priorityId, t.dueAt, t.isOverdue, t.staffId, t.teamId, t.source, t.isAnswered,
        t.docsRequired, t.docsAck, t.urgency, t.urgencyLevel, t.createdAt, t.updatedAt, t.lastMessageAt, t.lastResponseAt, t.closedAt],
    );
    // RETURNING follows the insert order (ORDER BY ord), so row i is ticket i of the batch.
    const ids = ins.rows.map((r) => Number(r.id));
    const numbers = ins.rows.map((r) => String(r.number));
    const e = { ticket: [] as number[], type: [] as string[], staff: [] as (number | null)[], user: [] as (number | null)[], text: [] as string[], html: [] as string[], at: [] as string[] };
    b.entries.forEach((x, i) =>
      x.texts.forEach((en) => {
        e.ticket.push(ids[i]);
        e.type.push(en.type);
        e.staff.push(en.staff);
        e.user.push(en.type === "message" ? t.userId[i] : null);
        e.text.push(en.text);
        e.html.push(`<p>${en.text}</p>`);
        e.at.push(en.at);
      }),
    );
    await q(
      `INSERT INTO thread_entries (ticket_id, type, staff_id, user_id, body_text, body_html, created_at, updated_at, source)
       SELECT t, ty::entry_type, s, u, bt, bh, at, at, 'email' FROM unnest($1::int[], $2::text[], $3::int[], $4::int[], $5::text[], $6::text[], $7::timestamptz[]) AS x(t, ty, s, u, bt, bh, at)`,
      [e.ticket, e.type, e.staff, e.user, e.text, e.html, e.at],
    );
    await q(
      `INSERT INTO ticket_search (ticket_id, doc)
       SELECT id, setweight(to_tsvector('simple', a), 'A') || setweight(to_tsvector('simple', b), 'B') || setweight(to_tsvector('simple', d), 'D')
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) AS x(id, a, b, d)`,
      [ids, ids.map((_, i) => prepareText(`${numbers[i]} ${t.subject[i]}`)), b.docs.map((d) => d.b), b.docs.map((d) => d.d)],
    );
    const esc = ids.filter((_, i) => t.escalated[i]);
    if (esc.length) {
      await q(`INSERT INTO events (entity_type, entity_id, ticket_id, action, actor) SELECT 'ticket', id, id, 'escalated', 'generator' FROM unnest($1::int[]) AS x(id)`, [esc]);
    }
    return e.ticket.length;
  }

  let done = 0;
  let entriesDone = 0;
  let inflight: Promise<number>[] = [];
  while (done < opts.tickets) {
    const size = Math.min(batchSize, opts.tickets - done);
    const b = makeBatch(size);
    inflight.push(insertBatch(b));
    done += size;
    if (inflight.length >= 2) {
      entriesDone += await inflight.shift()!;
      const s = (Date.now() - started) / 1000;
      log(`tickets: ${done - size}/${opts.tickets} (${Math.round((done - size) / s)}/s)`);
    }
  }
  for (const p of inflight) entriesDone += await p;
  inflight = [];
  return { tickets: done, entries: entriesDone, users: users.length, organizations: orgIds.length, seconds: (Date.now() - started) / 1000 };
}
