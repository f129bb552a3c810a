"use client";
// One line per optional service that is not configured (SMTP, Gemini, Twilio, Algolia), each
// hideable for a day in this browser so the warning does not eat the screen all day long.
import { useEffect, useState } from "react";
import { Banner } from "@/components/ui/states";

export interface UnconfiguredService {
  feature: string;
  label: string;
  hint: string;
}

const KEY = "helpdesk.hiddenBanners";
const DAY = 86_400_000;
const aDayFromNow = () => Date.now() + DAY;

function readHidden(): Record<string, number> {
  try {
    const raw = JSON.parse(window.localStorage.getItem(KEY) ?? "{}") as Record<string, number>;
    return Object.fromEntries(Object.entries(raw).filter(([, until]) => until > Date.now()));
  } catch {
    return {};
  }
}

export function ServiceBanners({ services }: { services: UnconfiguredService[] }) {
  const [hidden, setHidden] = useState<Record<string, number>>({});
  // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage exists only after mount
  useEffect(() => setHidden(readHidden()), []);
  const hide = (feature: string) => {
    const next = { ...readHidden(), [feature]: aDayFromNow() };
    try {
      window.localStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      /* storage disabled: hidden for this page only */
    }
    setHidden(next);
  };
  const shown = services.filter((s) => !hidden[s.feature]);
  if (!shown.length) return null;
  return (
    <div aria-label="Services not configured" role="region">
      {shown.map((s) => (
        <Banner key={s.feature}>
          <div className="flex items-center justify-between gap-3" data-testid={`banner-${s.feature}`}>
            <span>
              <strong className="font-semibold">{s.label} is not configured.</strong> {s.hint}
            </span>
            <button type="button" onClick={() => hide(s.feature)} className="shrink-0 rounded px-1 underline-offset-2 hover:underline" aria-label={`Hide the ${s.label} notice for a day`}>
              Hide
            </button>
          </div>
        </Banner>
      ))}
    </div>
  );
}
