// /search?q=...&status=...: advanced search. The first page of results is read here (when the
// address has criteria) and handed to the browser's query cache; the form and paging run there.
import { HydrationBoundary, QueryClient, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { SearchView } from "@/components/search/search-view";
import { requirePageStaff } from "@/lib/auth/page-session";
import { defaultColumns } from "@/lib/queues";
import { criteriaSchema, searchTickets } from "@/lib/search";
import { LIST_PAGE_SIZE, searchKeys } from "@/lib/search/client";
import { readCriteriaParams } from "@/lib/search/params";
import { asJson, listAbilities, listOptions } from "../_lib/list-data";

export const metadata: Metadata = { title: "Search" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SearchPage({ searchParams }: Props) {
  const staff = await requirePageStaff();
  const params = readCriteriaParams(await searchParams);
  const db = await getDb();
  const qc = new QueryClient();
  const criteria = criteriaSchema.safeParse(params);
  const [page, options] = await Promise.all([
    // Criteria that do not parse are left to the browser, which shows the API's field errors.
    Object.keys(params).length && criteria.success ? searchTickets(db, staff, criteria.data, { limit: LIST_PAGE_SIZE }).catch(() => null) : null,
    listOptions(db, staff),
  ]);
  if (page) {
    const { engine: _engine, ...data } = page;
    qc.setQueryData(searchKeys.page(params, null), asJson(data));
  }
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <SearchView columns={defaultColumns} zone={staff.timezone} options={options} can={listAbilities(staff.role)} />
    </HydrationBoundary>
  );
}
