// Every text of the app in English, with the keys of vi.ts (each file `satisfies` its Vietnamese shape).
import domain from './en/domain';
import officer from './en/officer';
import dash from './en/dash';
import field from './en/field';
import activities from './en/activities';
import unitSettings from './en/unitSettings';
import teamSettings from './en/teamSettings';
import unitAdmin from './en/unitAdmin';
import indicatorSetup from './en/indicatorSetup';

export default { ...domain, ...officer, ...dash, ...field, ...activities, ...unitSettings, ...teamSettings, ...unitAdmin, ...indicatorSetup };
