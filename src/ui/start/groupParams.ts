import type { ParamRow } from '../../core/config/config';
import { GROUPS } from '../../core/config/groups';

export interface ParamGroup {
  name: string;
  params: ParamRow[];
}

/** GROUPS order, each group's listed parameters first; a group no one listed comes last. */
export function groupParams(params: readonly ParamRow[]): ParamGroup[] {
  const order = Object.keys(GROUPS);
  const byGroup = new Map<string, ParamRow[]>();
  for (const param of params) {
    const list = byGroup.get(param.group) ?? [];
    list.push(param);
    byGroup.set(param.group, list);
  }
  const rank = (param: ParamRow) => {
    const i = GROUPS[param.group]?.indexOf(param.name) ?? -1;
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  const names = [...byGroup.keys()].sort((a, b) => {
    const [ia, ib] = [order.indexOf(a), order.indexOf(b)];
    return (ia === -1 ? order.length : ia) - (ib === -1 ? order.length : ib);
  });
  return names.map((name) => ({
    name,
    params: [...(byGroup.get(name) ?? [])].sort((a, b) => rank(a) - rank(b)),
  }));
}
