import type { ReactNode } from "react";
import { Tabs as AriaTabs, Tab, TabList, TabPanel } from "react-aria-components";
import { useHydrated } from "./hydrated.ts";

export interface TabItem {
  id: string;
  label: string;
  content: ReactNode;
}

/**
 * In-page tabs (not the workspace's pages, which are links). Without JavaScript every panel is
 * shown one after the other under its own heading, so nothing is out of reach; after hydration
 * they become a React Aria tablist (arrow keys move between tabs).
 */
export function Tabs({
  label,
  items,
  defaultTab,
}: {
  /** Names the tablist for screen readers, e.g. "Weergave". */
  label: string;
  items: TabItem[];
  defaultTab?: string;
}) {
  const hydrated = useHydrated();
  if (!hydrated) {
    return (
      <div className="flex flex-col gap-6">
        {items.map((item) => (
          <section key={item.id} aria-labelledby={`tab-${item.id}`}>
            <h2 id={`tab-${item.id}`} className="mb-3 text-lg font-semibold text-slate-900">
              {item.label}
            </h2>
            {item.content}
          </section>
        ))}
      </div>
    );
  }
  return (
    <AriaTabs defaultSelectedKey={defaultTab ?? items[0]?.id}>
      <TabList
        aria-label={label}
        className="mb-4 flex gap-1 overflow-x-auto border-b border-slate-200"
      >
        {items.map((item) => (
          <Tab
            key={item.id}
            id={item.id}
            className="-mb-px cursor-pointer border-b-2 border-transparent px-3 py-2 font-medium whitespace-nowrap text-slate-700 hover:text-slate-900 data-selected:border-accent-700 data-selected:text-accent-800"
          >
            {item.label}
          </Tab>
        ))}
      </TabList>
      {items.map((item) => (
        <TabPanel key={item.id} id={item.id}>
          {item.content}
        </TabPanel>
      ))}
    </AriaTabs>
  );
}
