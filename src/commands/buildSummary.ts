/** "Build summary" on the ribbon: check the plan and write the summary sheet, no pane. */
import { buildSummary, checkWorkbook, describeNoPlan, resolveSettings } from '../core';
import type { PaneHost } from '../taskpane/host';

/** The outcome, in words for the notification. */
export interface CommandOutcome {
  ok: boolean;
  message: string;
}

/** Runs the one-click summary against any host; never throws. */
export async function runBuildSummary(host: PaneHost): Promise<CommandOutcome> {
  try {
    let settings;
    try {
      settings = resolveSettings((await host.settings.load()) ?? {});
    } catch {
      settings = resolveSettings({});
    }
    const result = checkWorkbook(await host.workbook.readGrid(), { file: host.fileName, today: host.today(), settings });
    if (result.noPlan) return { ok: false, message: describeNoPlan(result.raw) };
    const written = await host.workbook.writeSheet(buildSummary(result, settings));
    const c = result.report.counts.workstreamRag;
    const parts = Object.entries(c)
      .filter(([, n]) => n > 0)
      .map(([l, n]) => `${n} ${l}`);
    return {
      ok: true,
      message: `Summary written to "${written.name}": ${result.report.workstreams.length} workstreams (${parts.join(', ')}).`,
    };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
