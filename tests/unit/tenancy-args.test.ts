import { describe, expect, it } from "vitest";
import { scopeArgs, TenancyViolation } from "@/server/db/tenancy.ts";

const A = "0190a0a0-0000-7000-8000-00000000000a";
const B = "0190a0a0-0000-7000-8000-00000000000b";

describe("scopeArgs", () => {
  it("adds the tenant to reads, updates and deletes of tenant models", () => {
    for (const op of ["findMany", "findFirst", "findUnique", "count", "updateMany", "delete", "deleteMany", "groupBy", "aggregate"]) {
      expect(scopeArgs("Counter", op, { where: { key: "x" } }, A).where).toEqual({ key: "x", companyId: A });
    }
    expect(scopeArgs("Counter", "findMany", {}, A).where).toEqual({ companyId: A });
  });
  it("stamps creates and refuses a different tenant or moving a row", () => {
    expect(scopeArgs("Counter", "create", { data: { key: "x" } }, A).data).toEqual({ key: "x", companyId: A });
    expect(scopeArgs("Counter", "createMany", { data: [{ key: "x" }] }, A).data).toEqual([{ key: "x", companyId: A }]);
    expect(() => scopeArgs("Counter", "create", { data: { key: "x", companyId: B } }, A)).toThrow(TenancyViolation);
    expect(() => scopeArgs("Counter", "findMany", { where: { companyId: B } }, A)).toThrow(TenancyViolation);
    expect(() => scopeArgs("Counter", "update", { where: { id: "1" }, data: { companyId: B } }, A)).toThrow(TenancyViolation);
    expect(() => scopeArgs("Counter", "create", { data: { key: "x", company: { connect: { id: B } } } }, A)).toThrow(TenancyViolation);
  });
  it("leaves non-tenant models alone but narrows Company to the tenant", () => {
    expect(scopeArgs("User", "findMany", { where: { email: "a" } }, A)).toEqual({ where: { email: "a" } });
    expect(scopeArgs("Company", "findMany", {}, A).where).toEqual({ id: A });
    expect(scopeArgs("Company", "findUnique", { where: { id: B } }, A).where).toEqual({ id: A, AND: [{ id: B }] });
    expect(() => scopeArgs("Company", "create", { data: {} }, A)).toThrow(TenancyViolation);
    expect(() => scopeArgs("Company", "deleteMany", {}, A)).toThrow(TenancyViolation);
  });
});
