-- Hand-written: Prisma's schema language cannot express this index (see
-- docs/decisions/0004-performance-harness.md; tests/integration/migrations.test.ts checks it exists).
-- The clients list search is `searchText LIKE '%term%'`: without an index a rare term reads every
-- client of the tenant (6.5 s for a 400k-client tenant on the bench machine, 0.2 ms with it).
-- A trigram GIN index answers LIKE '%…%'; btree_gin lets the same GIN index lead with "companyId",
-- so it stays tenant-first like every other index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX "Client_companyId_searchText_trgm_idx" ON "Client" USING gin ("companyId", "searchText" gin_trgm_ops);
