// Every text of the app in Vietnamese (the default), one key per text: the domain's words (one
// label per status, kind and role the API returns) and each area's screens. en.ts has the same keys.
import domain from './vi/domain';
import officer from './vi/officer';
import dash from './vi/dash';
import field from './vi/field';
import activities from './vi/activities';
import unitSettings from './vi/unitSettings';
import teamSettings from './vi/teamSettings';
import unitAdmin from './vi/unitAdmin';
import indicatorSetup from './vi/indicatorSetup';

export default { ...domain, ...officer, ...dash, ...field, ...activities, ...unitSettings, ...teamSettings, ...unitAdmin, ...indicatorSetup };
