import { SWAGGER_ASSETS, vendorAsset } from "@/lib/api-docs/pages";

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  return vendorAsset(SWAGGER_ASSETS, (await params).file);
}
