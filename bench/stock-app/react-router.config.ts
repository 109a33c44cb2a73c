import type { Config } from "@react-router/dev/config";

// The reference for `./knooppunt bench`: React Router 8 framework mode as it comes, server-rendered.
export default {
  ssr: true,
} satisfies Config;
