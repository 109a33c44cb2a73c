import type { ModulePersonalData, PersonalDataProvider } from "#app/platform/personal-data.ts";

// Scaffolding for issue 17: the declarations and the export/erase rules are filled in per module.
export const personalData: ModulePersonalData = {
  module: "organisations",
  description: { nl: "", en: "" },
  declarations: [],
};

export const personalDataProvider: PersonalDataProvider = {
  module: "organisations",
  async export() {
    return { data: {} };
  },
  async erase() {},
};
