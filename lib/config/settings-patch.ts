// What an admin may send to change settings: any subset of the keys, each validated by its own
// field of the settings schema but WITHOUT its default (zod fills defaults into absent keys, which
// would silently reset every setting not named), plus stricter checks for hand-typed values.
// Mail templates may be changed one field at a time. Pure, so the settings form reuses it.
import { z } from "zod";
import { defaultSettings, type Settings, settingsSchema, templateProblem } from "./settings-schema";

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Ban-list entries: an address (a@b.example) or a domain (@b.example or b.example). */
const BAN_ENTRY = /^(?:[^@\s]+@)?@?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;

export const mailTemplateKeys = Object.keys(defaultSettings.mailTemplates) as Array<keyof Settings["mailTemplates"]>;

const templateText = <T extends z.ZodType<string>>(field: T) =>
  field.superRefine((text, ctx) => {
    const problem = templateProblem(text);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const templatePatch = z
  .strictObject({
    subject: templateText(z.string().trim().min(1, "A subject is required").max(255, "At most 255 characters")),
    body: templateText(z.string().min(1, "A body is required").max(20_000, "At most 20000 characters")),
  })
  .partial();

export type SettingsPatch = Partial<Omit<Settings, "mailTemplates">> & {
  mailTemplates?: Partial<Record<keyof Settings["mailTemplates"], Partial<Settings["mailTemplates"][keyof Settings["mailTemplates"]]>>>;
};

type Shape = typeof settingsSchema.shape;
const unwrap = (field: Shape[keyof Shape]): z.ZodType => ("unwrap" in field && typeof field.unwrap === "function" ? (field.unwrap() as z.ZodType) : field);

const base = Object.fromEntries(Object.entries(settingsSchema.shape).map(([k, f]) => [k, unwrap(f as Shape[keyof Shape]).optional()])) as Record<keyof Settings, z.ZodOptional<z.ZodType>>;

export const settingsPatchSchema = z
  .strictObject({
    ...base,
    timezone: z.string().trim().refine(isTimeZone, "Unknown time zone (use an IANA name such as America/Chicago)").optional(),
    helpdeskName: z.string().trim().min(1, "A name is required").max(100).optional(),
    supportAddresses: z.array(z.string().trim().toLowerCase().pipe(z.email("Not a valid email address"))).max(50).optional(),
    banList: z
      .array(z.string().trim().toLowerCase().regex(BAN_ENTRY, "Use an address (a@b.example) or a domain (@b.example)"))
      .max(5_000)
      .optional(),
    blockedExtensions: z
      .array(z.string().trim().toLowerCase().transform((s) => s.replace(/^\./, "")).pipe(z.string().regex(/^[a-z0-9]{1,16}$/, "A file extension such as exe")))
      .max(500)
      .optional(),
    mailTemplates: z.strictObject(Object.fromEntries(mailTemplateKeys.map((k) => [k, templatePatch.optional()]))).optional(),
    replySeparator: z.string().trim().min(3, "The reply separator needs at least 3 characters").max(200).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to change" }) as unknown as z.ZodType<SettingsPatch, unknown>;
