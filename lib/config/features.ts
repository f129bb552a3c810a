// Which optional services are configured. Drives the status endpoint, panel banners and 503s.
import { env } from "./env";

export type Feature = "smtp" | "gemini" | "twilio" | "algolia" | "harvest" | "cron" | "inbound_email";

export interface FeatureStatus {
  feature: Feature;
  label: string;
  configured: boolean;
  /** What to set when not configured. */
  hint: string;
}

export function featureStatuses(): FeatureStatus[] {
  const e = env();
  return [
    { feature: "smtp", label: "Outbound email (SMTP)", configured: !!e.SMTP_URL, hint: "Set SMTP_URL; until then mail is kept in the outbox, unsent." },
    { feature: "gemini", label: "AI assistant (Gemini)", configured: !!e.GOOGLE_GENERATIVE_AI_API_KEY, hint: "Set GOOGLE_GENERATIVE_AI_API_KEY." },
    { feature: "twilio", label: "SMS (Twilio)", configured: !!(e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN && e.TWILIO_FROM), hint: "Set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM." },
    { feature: "algolia", label: "Hosted search (Algolia)", configured: !!(e.ALGOLIA_APP_ID && e.ALGOLIA_API_KEY), hint: "Set ALGOLIA_APP_ID and ALGOLIA_API_KEY; PostgreSQL full-text search is used meanwhile." },
    { feature: "harvest", label: "Time tracking (Harvest)", configured: !!(e.HARVEST_ACCOUNT_ID && e.HARVEST_TOKEN), hint: "Set HARVEST_ACCOUNT_ID and HARVEST_TOKEN." },
    { feature: "cron", label: "Vercel Cron routes", configured: !!e.CRON_SECRET, hint: "Set CRON_SECRET to enable GET /api/cron/<job>." },
    { feature: "inbound_email", label: "Inbound mail webhook", configured: !!e.INBOUND_EMAIL_SECRET, hint: "Set INBOUND_EMAIL_SECRET to enable POST /api/inbound/email." },
  ];
}

export function isConfigured(feature: Feature): boolean {
  return featureStatuses().find((f) => f.feature === feature)?.configured ?? false;
}
