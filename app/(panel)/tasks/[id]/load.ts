// The task of /tasks/<id>, read once per request for the layout, the metadata and the page;
// an id that does not parse, is not there or is out of the caller's scope is the not-found page.
import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { scopeOf } from "@/lib/auth";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/http/errors";
import { getTaskDetail, taskIdParams } from "@/lib/tasks";

// React's cache compares arguments by identity: keyed on the id string, not the params object
// (each caller awaits its own), so the layout, the metadata and the page share one read.
const byId = cache(async (id: string) => {
  const parsed = taskIdParams.safeParse({ id });
  if (!parsed.success) notFound();
  const staff = await requirePagePermission("tasks.view");
  try {
    return { staff, task: await getTaskDetail(await getDb(), scopeOf(staff), parsed.data.id) };
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
});

export const loadTask = (raw: { id: string }) => byId(raw.id);
