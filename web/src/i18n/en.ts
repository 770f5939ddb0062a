// Every text of the app in English, with the keys of vi.ts (each file `satisfies` its Vietnamese shape).
import domain from './en/domain';
import officer from './en/officer';
import dash from './en/dash';
import field from './en/field';

export default { ...domain, ...officer, ...dash, ...field };
