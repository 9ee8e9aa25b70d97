import { redirect } from "next/navigation";
import { publicPage } from "@/server/http/page.ts";

export default function Home() {
  publicPage();
  redirect("/login");
}
