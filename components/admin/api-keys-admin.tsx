"use client";
// /admin/api-keys: keys for integrations. A new key is shown once; the list shows what each key
// may do, from where, how fast, and when and from where it was last used.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";
import { useApiKeyMutations } from "@/lib/api-keys/client";
import type { ApiKeyInfo } from "@/lib/api-keys/manage";
import { createApiKeySchema, updateApiKeySchema } from "@/lib/api-keys/schemas";
import { ConfirmDialog } from "./confirm-dialog";
import { EntityDialog } from "./entity-dialog";
import type { FieldDef, Values } from "./entity-form";
import { Flash, useFlash } from "./flash";
import { PageHeader } from "./page-header";
import { SecretReveal } from "./secret-reveal";
import { Table, Td, Th, Tr } from "./table";
import { Time } from "./time";

const fields: FieldDef[] = [
  { name: "name", label: "Name", kind: "text", hint: "Who uses it, e.g. “Website contact form”." },
  { name: "rateLimit", label: "Rate limit (requests a minute)", kind: "number", min: 0, hint: "0 means unlimited." },
  { name: "canCreateTickets", label: "May create tickets", kind: "checkbox", hint: "POST /api/tickets.json, .xml, .email" },
  { name: "canExecuteCron", label: "May run scheduled jobs", kind: "checkbox", hint: "POST /api/tasks/cron" },
  { name: "ipAllowList", label: "IP allow-list", kind: "lines", rows: 3, placeholder: "203.0.113.7\n198.51.100.0/24", hint: "One address or CIDR range a line (IPv4 as 10.0.0.1, no leading zeros; IPv6); empty allows any address." },
];

export function ApiKeysAdmin({ keys, zone }: { keys: ApiKeyInfo[]; zone: string }) {
  const router = useRouter();
  const m = useApiKeyMutations();
  const { flash, ok, clear } = useFlash();
  const [editing, setEditing] = useState<ApiKeyInfo | "new" | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyInfo | null>(null);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);

  async function save(values: Values) {
    if (editing === "new") {
      const res = await m.create.mutateAsync(values as never);
      setCreated({ name: res.apiKey.name, key: res.key });
      ok(`API key “${res.apiKey.name}” created`);
    } else if (editing) {
      await m.update.mutateAsync({ id: editing.id, body: values as never });
      ok(`API key “${editing.name}” saved; the change applies from the next request`);
    }
    setEditing(null);
    router.refresh();
  }

  return (
    <section>
      <PageHeader
        title="API keys"
        description={
          <>
            Integrations send a key in the <code className="rounded bg-slate-100 px-1">X-API-Key</code> header. Only a hash is stored: a key is shown once, when it is created.
          </>
        }
        actions={
          <Button variant="primary" onClick={() => setEditing("new")}>
            New API key
          </Button>
        }
      />
      <Flash flash={flash} onDismiss={clear} />
      {keys.length === 0 ? (
        <EmptyState title="No API keys yet">Create one for each integration, so each can be revoked on its own.</EmptyState>
      ) : (
        <Table label="API keys">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Key</Th>
              <Th>Permissions</Th>
              <Th className="hidden lg:table-cell">Allowed from</Th>
              <Th className="hidden md:table-cell text-right">Limit</Th>
              <Th>Last used</Th>
              <Th className="hidden xl:table-cell">Created</Th>
              <Th className="text-right">Actions</Th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <Tr key={k.id} muted={!k.isActive}>
                <Td>
                  <div className="font-medium text-slate-900">{k.name}</div>
                  {!k.isActive && <Badge tone="red">Revoked</Badge>}
                </Td>
                <Td>
                  <code className="font-mono text-xs">{k.prefix}…</code>
                </Td>
                <Td>
                  <div className="flex flex-wrap gap-1">
                    {k.canCreateTickets && <Badge tone="blue">Tickets</Badge>}
                    {k.canExecuteCron && <Badge tone="purple">Cron</Badge>}
                    {!k.canCreateTickets && !k.canExecuteCron && <span className="text-slate-400">None</span>}
                  </div>
                </Td>
                <Td className="hidden lg:table-cell">{k.ipAllowList.length ? <span className="font-mono text-xs">{k.ipAllowList.join(", ")}</span> : <span className="text-slate-500">Any address</span>}</Td>
                <Td className="hidden md:table-cell text-right tabular-nums">{k.rateLimit ? `${k.rateLimit}/min` : "Unlimited"}</Td>
                <Td>
                  <Time value={k.lastUsedAt} zone={zone} empty="Never" />
                  {k.lastUsedIp && <div className="font-mono text-xs text-slate-500">{k.lastUsedIp}</div>}
                </Td>
                <Td className="hidden xl:table-cell">
                  <Time value={k.createdAt} zone={zone} />
                  <div className="text-xs text-slate-500">{k.createdByName ?? "CLI or seed"}</div>
                </Td>
                <Td className="text-right whitespace-nowrap">
                  {k.isActive && (
                    <div className="flex justify-end gap-1">
                      <Button size="sm" variant="ghost" onClick={() => setEditing(k)} aria-label={`Edit ${k.name}`}>
                        Edit
                      </Button>
                      <Button size="sm" variant="ghost" className="text-red-700" onClick={() => setRevoking(k)} aria-label={`Revoke ${k.name}`}>
                        Revoke
                      </Button>
                    </div>
                  )}
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
      <EntityDialog
        open={editing !== null}
        title={editing === "new" ? "New API key" : `Edit ${editing?.name ?? ""}`}
        onClose={() => setEditing(null)}
        mode={editing === "new" ? "create" : "edit"}
        fields={fields}
        initial={editing === "new" || !editing ? { rateLimit: 120, canCreateTickets: true, canExecuteCron: false, ipAllowList: [] } : editing}
        schema={editing === "new" ? createApiKeySchema : updateApiKeySchema}
        submitLabel={editing === "new" ? "Create key" : "Save"}
        onSubmit={save}
      />
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke API key"
        confirmLabel="Revoke"
        onConfirm={async () => {
          await m.revoke.mutateAsync(revoking!.id);
          ok(`API key “${revoking!.name}” revoked`);
          router.refresh();
        }}
        onClose={() => setRevoking(null)}
      >
        <p>Requests with “{revoking?.name}” are refused from now on. This cannot be undone; the integration needs a new key.</p>
      </ConfirmDialog>
      <SecretReveal
        title="Your new API key"
        label={`Key for ${created?.name ?? ""}`}
        secret={created?.key ?? null}
        note="Copy the key now and store it in the integration's settings. It is not shown again."
        onClose={() => setCreated(null)}
      />
    </section>
  );
}
