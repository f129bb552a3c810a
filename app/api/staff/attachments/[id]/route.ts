// GET /api/staff/attachments/{id} - download, scope-checked like its ticket; safe images inline, all else as a download
import { z } from "zod";
import { getDb } from "@/db/client";
import { idSchema } from "@/lib/http/ids";
import { staffMethodNotAllowed, staffRoute } from "@/lib/http/staff-route";
import { downloadHeaders, getAttachmentForStaff } from "@/lib/tickets";

export const dynamic = "force-dynamic";

const params = z.object({ id: idSchema });
const query = z.object({ download: z.enum(["1", "true"]).optional() });

export const GET = staffRoute({ permission: "tickets.view", params, query }, async ({ staff, params, query }) => {
  const { file, content } = await getAttachmentForStaff(await getDb(), staff, params.id);
  return new Response(new Uint8Array(content), { headers: downloadHeaders(file, !!query.download) });
});

// Other methods: 405 in the envelope, with Allow.
const notAllowed = staffMethodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
