"use client";
// Remote images of a message stay blocked (the sanitizer parked their URL in data-remote-src)
// until the agent asks for them, one message at a time; they load without a referrer.
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function RemoteImagesButton({ target }: { target: string }) {
  const [loaded, setLoaded] = useState(false);
  if (loaded) return <p className="text-xs text-slate-500">Remote images loaded.</p>;
  function load() {
    document.getElementById(target)?.querySelectorAll<HTMLImageElement>("img[data-remote-src]").forEach((img) => {
      img.referrerPolicy = "no-referrer";
      img.src = img.dataset.remoteSrc ?? "";
      img.removeAttribute("data-remote-src");
    });
    setLoaded(true);
  }
  return (
    <div className="flex items-center gap-2 rounded bg-slate-50 px-2 py-1 text-xs text-slate-600">
      <span>Remote images are blocked to protect your privacy.</span>
      <Button size="sm" variant="ghost" onClick={load}>
        Load remote images
      </Button>
    </div>
  );
}
