import { defineOperation, policy } from "@/server/http/operation.ts";
import {
  createPriceBookItemInput,
  listPriceBookQuery,
  priceBookItemOutput,
  priceBookItemParams,
  priceBookList,
  updatePriceBookItemInput,
} from "./pricebook.schema.ts";

const TAG = "Price book";
const manage = policy.can("quotes.manage");

export const priceBookApi = {
  list: defineOperation({
    method: "GET",
    path: "/api/admin/price-book",
    summary: "Price book items, newest first: search `q` (description), `archived` (exclude | include | only)",
    tag: TAG,
    policy: manage,
    query: listPriceBookQuery,
    response: priceBookList,
  }),
  create: defineOperation({
    method: "POST",
    path: "/api/admin/price-book",
    summary: "Save an item (kind, description, unit, unit price in pence, markup, VAT rate) to the price book",
    tag: TAG,
    policy: manage,
    body: createPriceBookItemInput,
    response: priceBookItemOutput,
    successStatus: 201,
  }),
  get: defineOperation({
    method: "GET",
    path: "/api/admin/price-book/{id}",
    summary: "One price book item",
    tag: TAG,
    policy: manage,
    params: priceBookItemParams,
    response: priceBookItemOutput,
  }),
  update: defineOperation({
    method: "PATCH",
    path: "/api/admin/price-book/{id}",
    summary: "Change a price book item (quotes already priced from it keep their lines)",
    tag: TAG,
    policy: manage,
    params: priceBookItemParams,
    body: updatePriceBookItemInput,
    response: priceBookItemOutput,
  }),
  archive: defineOperation({
    method: "DELETE",
    path: "/api/admin/price-book/{id}",
    summary: "Archive a price book item (hidden from the picker; history kept)",
    tag: TAG,
    policy: manage,
    params: priceBookItemParams,
    response: priceBookItemOutput,
  }),
};
