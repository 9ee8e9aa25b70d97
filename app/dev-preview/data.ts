export type Invoice = { id: string; number: string; client: string; site: string; status: string; due: string; total: number; balance: number };
export const invoices: Invoice[] = [
  { id: "1", number: "INV-00108", client: "Harrington & Whitcombe Property Management (North West) Ltd", site: "Flat 14, Kensington Court, M14 5RT", status: "overdue", due: "2025-11-03T10:00:00Z", total: 100000000, balance: 100000000 },
  { id: "2", number: "INV-00107", client: "Mrs Priya Raman", site: "22 Elm Grove, SW19 1AB", status: "part_paid", due: "2025-11-20T10:00:00Z", total: 184250, balance: 84250 },
  { id: "3", number: "INV-00106", client: "Brightside Dental", site: "Unit 3, Trafford Park", status: "PAID", due: "2025-11-10T10:00:00Z", total: 56000, balance: 0 },
  { id: "4", number: "INV-00105", client: "Tom O'Connor", site: "7 Mill Lane, LS6 2DJ", status: "sent", due: "2025-12-01T10:00:00Z", total: 32400, balance: 32400 },
  { id: "5", number: "CN-00004", client: "Brightside Dental", site: "Unit 3, Trafford Park", status: "draft", due: "2025-12-05T10:00:00Z", total: -12000, balance: -12000 },
  { id: "6", number: "INV-00104", client: "Greenfield Primary School", site: "Greenfield Rd, B12 9QQ", status: "void", due: "2025-10-28T10:00:00Z", total: 99000, balance: 0 },
];
